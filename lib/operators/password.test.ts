// The operator password policy, case by case: length after trimming, repeats, common passwords and the words
// they are built on, the email's own name.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

const refused: [string, string, RegExp][] = [
  ['twelve spaces', ' '.repeat(12), /at least 12/],
  ['tabs and newlines', '\t\n'.repeat(8), /at least 12/],
  ['11 characters padded with spaces', `   ${'k7#Vq2mZp9w'}   `, /at least 12/],
  ['one character repeated', 'aaaaaaaaaaaa', /repeated/],
  ['a short run repeated', 'abcabcabcabc', /repeated/],
  ['two digits repeated', '121212121212', /repeated/],
  ['digits in order', '123456789012', /too common/],
  ['keyboard walk', '1qaz2wsx3edc', /too common/],
  ['a common word with digits', 'password2024', /too common/],
  ['a common word with digits and symbols', 'Password2024!', /too common/],
  ['letters swapped for symbols', 'P@ssw0rd12345', /too common/],
  ['digits in front', '2024Welcome!!', /too common/],
  ['the email name', 'jane.doe-is-great', /email/],
  ['over 1,024 characters', `${'x7!'.repeat(400)}`, /at most 1024/],
];

const accepted: [string, string][] = [
  ['a passphrase', 'correct horse battery'],
  ['random characters', 'k7#Vq2mZp9wL'],
  ['spaces inside count', 'my dog  rex!'],
  ['non-ASCII letters', 'ünïcödé-pässwörd'],
  ['a common word inside a longer phrase', 'password of the blue moon'],
];

describe('operator password policy', () => {
  it.each(refused)('refuses %s', (_what, password, why) => {
    expect(passwordProblem(password, 'jane.doe@example.com')).toMatch(why);
  });

  it.each(accepted)('accepts %s', (_what, password) => {
    expect(passwordProblem(password, 'jane.doe@example.com')).toBeNull();
  });
});
