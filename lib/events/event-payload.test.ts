// An event's stored size is bounded: bulky parts are left out, largest kind first, each with a marker.
import { describe, expect, it } from 'vitest';
import { eventPayload } from './event-payload';

const big = (n: number) => 'x'.repeat(n);

describe('eventPayload', () => {
  it('keeps a small event as it is', () => {
    const data = { id: 'usr_1', attributes: { title: 'Engineer' }, groups: [{ id: 'grp_1', displayName: 'G' }] };
    expect(eventPayload(data, { title: 'Intern' })).toEqual({ data: JSON.stringify(data), previousAttributes: JSON.stringify({ title: 'Intern' }) });
  });

  it.each([
    ['a user', { id: 'usr_1', userName: 'u', attributes: { title: big(60_000) } }, (d: Record<string, unknown>) => d],
    [
      'a membership event',
      { group: { id: 'grp_1' }, user: { id: 'usr_1', attributes: { title: big(60_000) } } },
      (d: Record<string, unknown>) => d.user as Record<string, unknown>,
    ],
  ])('leaves out the attributes of %s, marked', (_, data, holder) => {
    const p = eventPayload(data, { attributes: { title: big(40_000) } });
    expect(p.data.length + (p.previousAttributes?.length ?? 0)).toBeLessThanOrEqual(32_768);
    const out = JSON.parse(p.data) as Record<string, unknown>;
    expect(holder(out)).toMatchObject({ id: 'usr_1', attributesOmitted: true });
    expect(holder(out).attributes).toBeUndefined();
    expect(JSON.parse(p.previousAttributes!)).toEqual({ attributesOmitted: true });
  });

  it('then the groups of a user in thousands of groups; at last only the id', () => {
    const groups = Array.from({ length: 2_000 }, (_, i) => ({ id: `grp_${i}`, displayName: `Group ${i}` }));
    expect(JSON.parse(eventPayload({ id: 'usr_1', attributes: {}, groups }).data)).toEqual({ id: 'usr_1', attributesOmitted: true, groupsOmitted: true });
    expect(JSON.parse(eventPayload({ id: 'usr_1', roles: [big(40_000)] }).data)).toEqual({ id: 'usr_1', dataOmitted: true });
  });

  it('counts bytes, not characters: 12,000 three-byte characters are over the bound', () => {
    const p = eventPayload({ id: 'usr_1', attributes: { title: '漢'.repeat(12_000) } });
    expect(JSON.parse(p.data)).toMatchObject({ attributesOmitted: true });
  });
});
