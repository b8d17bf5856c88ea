// The dashboard's organization list on a real database: newest first, pages of 20 with the total, a search by any
// part of the name in any case (LIKE wildcards in the search are literal), or an exact externalId or id; another
// host's organizations never appear.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationOverview } from '../../lib/operators/organization-overview';
import { addOrganization } from '../../lib/organizations/organization-admin';
import { newHost } from './db-rows';

let hostId: string;
const tag = randomBytes(3).toString('hex');

// Organizations created in one millisecond tie on createdAt (then their random ids decide): "newest" needs a gap.
const tick = () => new Promise((r) => setTimeout(r, 2));

beforeAll(async () => {
  hostId = (await newHost('Dashboard host')).id;
  const other = (await newHost('Other')).id;
  for (let i = 0; i < 25; i++) {
    await addOrganization({ hostId, actor: 'cli', name: `Büro ${tag} Nr ${String(i).padStart(2, '0')}`, externalId: `ext-${i}` });
    await tick();
  }
  await addOrganization({ hostId, actor: 'cli', name: 'Percent 100% Sure', externalId: 'a_c' });
  await tick();
  await addOrganization({ hostId, actor: 'cli', name: 'Plain abc', externalId: 'abc' });
  await addOrganization({ hostId: other, actor: 'cli', name: `Büro ${tag} elsewhere` });
});

describe('organizationOverview', () => {
  it('pages newest first with the total', async () => {
    const first = await organizationOverview({ hostId });
    expect(first).toMatchObject({ total: 27, page: 1, pages: 2 });
    expect(first.organizations[0].name).toBe('Plain abc');
    const second = await organizationOverview({ hostId, page: 2 });
    expect(second.organizations.map((o) => o.name).at(-1)).toBe(`Büro ${tag} Nr 00`);
    expect((await organizationOverview({ hostId, page: 99 })).page).toBe(2);
  });

  it.each([
    [`BÜRO ${tag}`, 25],
    [`nr 1`, 10],
    ['ext-7', 1],
    ['100%', 1],
    ['%', 1],
    ['a_c', 1],
    ['_', 0],
    ['elsewhere', 0],
    ['nothing like it', 0],
  ])('search %s → %i', async (q, n) => {
    expect((await organizationOverview({ hostId, q })).total).toBe(n);
  });

  it('finds an organization by its id', async () => {
    const any = (await organizationOverview({ hostId })).organizations[3];
    expect((await organizationOverview({ hostId, q: any.id })).organizations.map((o) => o.id)).toEqual([any.id]);
  });
});
