import { describe, expect, it } from 'vitest';
import { convertHostFields } from './convert';
import { extensionUrn, type UserSchema } from './user-schema';

const URN = extensionUrn('acme');
const schema: UserSchema = {
  slug: 'acme',
  urn: URN,
  updatedAt: new Date(0),
  fields: [
    { key: 'tier', label: 'Tier', type: 'string', required: false, indexed: false },
    { key: 'seats', label: 'Seats', type: 'number', required: false, indexed: false },
    { key: 'remote', label: 'Remote', type: 'boolean', required: false, indexed: false },
    { key: 'start', label: 'Start', type: 'dateTime', required: false, indexed: false },
    { key: 'skills', label: 'Skills', type: 'stringList', required: false, indexed: false },
  ],
};
const convert = (ext: Record<string, unknown>, key = URN) => convertHostFields({ userName: 'u', [key]: ext } as never, schema);

// [field, sent, stored, warns]: what Okta and Entra send for each type, and what does not convert.
const cases: [string, unknown, unknown, boolean][] = [
  ['tier', 'Gold', 'Gold', false],
  ['tier', 7, '7', false],
  ['tier', true, 'true', false],
  ['tier', { a: 1 }, { a: 1 }, true],
  ['seats', 12, 12, false],
  ['seats', ' 12.5 ', 12.5, false],
  ['seats', '-3e2', -300, false],
  ['seats', 'lots', 'lots', true],
  ['seats', '', '', true],
  ['seats', false, false, true],
  ['remote', true, true, false],
  ['remote', 'False', false, false],
  ['remote', 'TRUE', true, false],
  ['remote', 'yes', 'yes', true],
  ['remote', 1, 1, true],
  ['start', '2024-01-02T03:04:05+02:00', '2024-01-02T01:04:05.000Z', false],
  ['start', '2024-01-02T01:04:05.1234567Z', '2024-01-02T01:04:05.123Z', false],
  ['start', 'next week', 'next week', true],
  ['start', 1700000000, 1700000000, true],
  ['skills', 'sql', ['sql'], false],
  ['skills', ['go', 7], ['go', '7'], false],
  ['skills', [{ v: 1 }], [{ v: 1 }], true],
];

describe('convertHostFields', () => {
  it.each(cases)('%s: %j → %j (warning: %s)', (field, sent, stored, warns) => {
    const { resource, warnings } = convert({ [field]: sent });
    expect((resource[URN] as Record<string, unknown>)[field]).toEqual(stored);
    expect(warnings.length).toBe(warns ? 1 : 0);
    if (warns) expect(warnings[0]).toMatchObject({ field, message: expect.stringContaining('kept as sent') });
  });

  it('puts the extension and its fields in the declared spelling, keeps unknown keys, leaves other users alone', () => {
    const { resource } = convert({ SEATS: '2', other: 'x' }, URN.toUpperCase());
    expect(resource).toEqual({ userName: 'u', [URN]: { seats: 2, other: 'x' } });
    expect(convertHostFields({ userName: 'v' }, schema)).toEqual({ resource: { userName: 'v' }, warnings: [] });
  });
});
