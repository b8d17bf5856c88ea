// The keyset cursor is the one codec of the host API's, portal's and dashboard's pages; clients hold cursors
// between requests (CONTRACT.md), so one written before stays valid, and anything else is refused, never thrown.
import { describe, expect, it } from 'vitest';
import { pageCursor, readCursor } from './pagination';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const key = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: 'usr_4kX9aaaaaaaaaaaaaaaa' };

describe('keyset cursors', () => {
  it('keep the format clients hold: base64url of {c, i}', () => {
    const held = 'eyJjIjoiMjAyNi0wMS0wMlQwMzowNDowNS42NzhaIiwiaSI6InVzcl80a1g5YWFhYWFhYWFhYWFhYWFhYSJ9';
    expect(pageCursor(key)).toBe(held);
    expect(readCursor(held)).toEqual(key);
    expect(pageCursor(null)).toBeNull();
  });

  it.each<[string, string | undefined]>([
    ['none', undefined],
    ['empty', ''],
    ['not base64 JSON', 'not a cursor'],
    ['a JSON string', b64('"x"')],
    ['null', b64('null')],
    ['no id', b64({ c: '2026-01-02T03:04:05.678Z' })],
    ['a numeric id', b64({ c: '2026-01-02T03:04:05.678Z', i: 5 })],
    ['no time', b64({ i: 'usr_1' })],
    ['a time that is no date', b64({ c: 'yesterday', i: 'usr_1' })],
    ['a time before 1970', b64({ c: '1969-12-31T23:59:59.000Z', i: 'usr_1' })],
    ['a time past 9999', b64({ c: '+010000-01-01T00:00:00.000Z', i: 'usr_1' })],
    ['an id with a control character', b64({ c: '2026-01-02T03:04:05.678Z', i: 'usr_\u0000' })],
  ])('refuse %s', (_, cursor) => {
    expect(readCursor(cursor)).toBeNull();
  });
});
