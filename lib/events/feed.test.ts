// The webhook body is spliced from stored JSON instead of parsed and written again: it must be exactly the
// envelope the feed serves (CONTRACT.md), byte for byte.
import { describe, expect, it } from 'vitest';
import { envelopeJson, toEnvelope, type EventRow } from './feed';

const base: EventRow = {
  seq: 7,
  id: 'evt_0Vd1khjd8DXswzwFERj5',
  type: 'directory.user.updated',
  createdAt: new Date('2026-01-02T03:04:05.678Z'),
  organizationId: 'org_x',
  directoryId: 'dir_y',
  data: JSON.stringify({ id: 'usr_1', displayName: 'O\'Brien "q" \\ 漢字 😀\n', attributes: { a: [1, null, true] } }),
  previousAttributes: JSON.stringify({ displayName: null }),
};

describe('envelopeJson', () => {
  it.each([
    ['with previousAttributes', base],
    ['without previousAttributes', { ...base, previousAttributes: null }],
    ['a host event (no organization, no directory)', { ...base, type: 'webhook_endpoint.disabled', organizationId: null, directoryId: null }],
  ])('%s: the same text as JSON.stringify(toEnvelope(row))', (_, row) => {
    expect(envelopeJson(row)).toBe(JSON.stringify(toEnvelope(row)));
  });
});
