// Which endpoints Okta and Entra can reach: public HTTPS only (they call from the internet).
import { describe, expect, it } from 'vitest';
import { isPublicHttps } from './setup-check';

describe('isPublicHttps', () => {
  it.each([
    ['https://scim.example.com/scim/v2/dir_x', true],
    ['https://portal.acme.io:8443/scim/v2/dir_x', true],
    ['http://scim.example.com/scim/v2/dir_x', false],
    ['https://localhost:3000/scim/v2/dir_x', false],
    ['https://127.0.0.1/scim/v2/dir_x', false],
    ['https://10.1.2.3/scim/v2/dir_x', false],
    ['https://192.168.1.5/scim/v2/dir_x', false],
    ['https://172.20.0.2/scim/v2/dir_x', false],
    ['https://172.32.0.2/scim/v2/dir_x', true],
    ['https://[::1]/scim/v2/dir_x', false],
    ['https://scim.corp.internal/scim/v2/dir_x', false],
    ['https://intranet/scim/v2/dir_x', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isPublicHttps(url)).toBe(expected);
  });
});
