// The dashboard's audit page on a real database: entries filtered by actor, action and organization, actors and
// organizations named, pages of 50 newest first with a cursor that neither skips nor repeats an entry.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../lib/db/database';
import { openDirectory } from '../../lib/directory/directory-admin';
import { createApiKey } from '../../lib/host-api/api-keys';
import { auditPage } from '../../lib/operators/audit-page';
import { createRole } from '../../lib/roles/roles';
import { newDirectory } from './scim-helpers';

let hostId: string;
let organizationId: string;
let actor: string;
let keyName: string;
const roleKeys: string[] = [];

beforeAll(async () => {
  const dir = await newDirectory();
  ({ hostId, organizationId } = dir);
  keyName = `auditor ${randomBytes(3).toString('hex')}`;
  const key = await write((env) => createApiKey(env, { name: keyName, hostId }));
  actor = `api-key:${key.id}`;
  await openDirectory({ hostId, actor: `portal:${organizationId}`, organizationId, provider: 'entra' });
  // 55 entries of this actor: more than a page.
  for (let i = 0; i < 55; i++) roleKeys.push((await createRole(hostId, { key: `audit-${randomBytes(4).toString('hex')}`, name: `Role ${i}` }, actor)).key);
});

const page = async (query: Record<string, string>) => auditPage(hostId, query);

describe('audit page', () => {
  it('filters by actor, names it, and pages newest first without skipping or repeating', async () => {
    const first = await page({ actor, action: 'all' });
    expect(first.rows).toHaveLength(50);
    expect(new Set(first.rows.map((r) => r.actorName))).toEqual(new Set([`API key “${keyName}”`]));
    expect(first.rows.every((r) => r.action === 'role.created')).toBe(true);
    const times = first.rows.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.olderHref).not.toBeNull();
    const before = new URL(`http://x${first.olderHref}`).searchParams.get('before')!;
    const second = await page({ actor, action: 'all', before });
    expect(second.rows).toHaveLength(5);
    expect(second.olderHref).toBeNull();
    const keys = [...first.rows, ...second.rows].map((r) => JSON.parse(r.details ?? '{}').key as string);
    expect(new Set(keys)).toEqual(new Set(roleKeys));
  });

  it('filters by action and organization, naming the organization and its portal admin', async () => {
    expect((await page({ actor, action: 'api_key.created' })).rows).toHaveLength(0);
    const created = await page({ action: 'directory.created', organization: organizationId });
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({ organizationId, organizationName: 'Int Org', actorName: 'Admin of Int Org (portal)' });
    const ofOrg = await page({ action: 'all', organization: organizationId });
    expect(ofOrg.rows.map((r) => r.action).sort()).toEqual(['directory.created', 'token.created']);
    expect(await page({ action: 'all', organization: 'org_doesnotexist' })).toMatchObject({ rows: [] });
  });
});
