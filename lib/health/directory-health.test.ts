// The health definition, table-driven: what the request log and the directory row say → the state.
import { describe, expect, it } from 'vitest';
import { directoryHealth, type HealthInputs, type LoggedRequest } from './directory-health';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (min: number) => new Date(now.getTime() - min * 60_000);
const req = (status: number, method = 'GET', min = 1): LoggedRequest => ({ method, path: '/Users', status, error: null, createdAt: ago(min) });
const base: HealthInputs = {
  provider: 'okta',
  lastRequestAt: null,
  recent: [],
  unauthenticatedRequests: 0,
  lastUnauthenticatedAt: null,
  authFailuresSeen: 0,
  now,
};

describe('directoryHealth', () => {
  it.each<[string, Partial<HealthInputs>, string, string | null]>([
    ['nothing yet', {}, 'waiting', null],
    ['two refused tokens before any accepted request: still waiting', { unauthenticatedRequests: 2, lastUnauthenticatedAt: ago(1) }, 'waiting', null],
    ['three refused tokens before any accepted request', { unauthenticatedRequests: 3, lastUnauthenticatedAt: ago(1) }, 'degraded', 'auth_failures'],
    ['an accepted request', { recent: [req(200)] }, 'connected', null],
    ['a 409 after it', { recent: [req(409, 'POST'), req(200)] }, 'connected', null],
    ['three 409s in a row (Okta linking)', { recent: [req(409, 'POST'), req(409, 'POST'), req(409, 'POST')] }, 'connected', null],
    ['three GET 404s (existence checks)', { recent: [req(404), req(404), req(404)] }, 'connected', null],
    ['three 403s while disabled', { recent: [req(403), req(403), req(403)] }, 'connected', null],
    ['two 400s then a 200', { recent: [req(400, 'PATCH'), req(400, 'PATCH'), req(200)] }, 'connected', null],
    ['three 400s in a row', { recent: [req(400, 'PATCH'), req(400, 'PATCH'), req(400, 'POST'), req(200)] }, 'degraded', 'errors'],
    ['three 500s', { recent: [req(500), req(500), req(500)] }, 'degraded', 'errors'],
    ['a PATCH 404 counts (it is not a lookup)', { recent: [req(404, 'PATCH'), req(404, 'PATCH'), req(404, 'DELETE')] }, 'degraded', 'errors'],
    [
      'one refused token after an accepted request',
      { recent: [req(200, 'GET', 5)], unauthenticatedRequests: 10, authFailuresSeen: 9, lastUnauthenticatedAt: ago(1) },
      'connected',
      null,
    ],
    [
      'three refused tokens after it',
      { recent: [req(200, 'GET', 5)], unauthenticatedRequests: 12, authFailuresSeen: 9, lastUnauthenticatedAt: ago(1) },
      'degraded',
      'auth_failures',
    ],
    [
      'refused tokens older than the accepted request',
      { recent: [req(200, 'GET', 1)], unauthenticatedRequests: 12, authFailuresSeen: 0, lastUnauthenticatedAt: ago(5) },
      'connected',
      null,
    ],
    ['Entra quiet for 59 minutes', { provider: 'entra', recent: [req(200, 'GET', 59)] }, 'connected', null],
    ['Entra quiet for 61 minutes', { provider: 'entra', recent: [req(200, 'GET', 61)] }, 'silent', 'no_requests'],
    ['Okta quiet for a week', { recent: [req(200, 'GET', 7 * 24 * 60)] }, 'connected', null],
    ['lastRequestAt alone (log past retention)', { provider: 'entra', lastRequestAt: ago(5) }, 'connected', null],
  ])('%s', (_, inputs, state, reason) => {
    const h = directoryHealth({ ...base, ...inputs });
    expect([h.state, h.reason]).toEqual([state, reason]);
  });
});
