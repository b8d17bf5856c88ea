// The seats count (issue 19, lib/policy/seats.ts), on both databases: after a random concurrent mix of every change of
// a user's standing, each organization's OrganizationSeats.activeUsers equals a count of its active users; a limit
// lowered below the seats in use keeps those users and admits nobody until enough have left.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { read, write } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import { deleteDirectory, deleteOrganization } from '../../lib/directory/delete-directory';
import { createDirectory } from '../../lib/directory/directories';
import type { DirectoryScope } from '../../lib/events/event-types';
import { changePolicy, policyOf } from '../../lib/policy/policy-admin';
import { purgeLeavers } from '../../lib/policy/purge-leavers';
import type { LeavingMode } from '../../lib/schemas/policy';
import { createRole, setDefaultRole } from '../../lib/roles/roles';
import { call, newDirectory, user, type Res } from './scim-helpers';

const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const MODES: LeavingMode[] = ['deactivate', 'delete_after', 'delete'];

/** Per organization: the count kept, and the active users counted. */
async function seatsAndCounts(orgIds: string[]) {
  const [inOrgs, inParams] = [orgIds.map(() => '?').join(', '), orgIds];
  const kept = await read(() => all(`SELECT "organizationId", "activeUsers" FROM "OrganizationSeats" WHERE "organizationId" IN (${inOrgs})`, inParams));
  const counted = await read(() =>
    all(
      `SELECT d."organizationId", COUNT(*) AS "n" FROM "DirectoryUser" u JOIN "Directory" d ON d."id" = u."directoryId"
       WHERE d."organizationId" IN (${inOrgs}) AND u."active" = ? GROUP BY d."organizationId"`,
      [...inParams, true],
    ),
  );
  const of = (rows: Record<string, unknown>[], col: string) =>
    Object.fromEntries(orgIds.map((id) => [id, Number(rows.find((r) => r.organizationId === id)?.[col] ?? 0)]));
  return { kept: of(kept, 'activeUsers'), counted: of(counted, 'n') };
}

const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];

describe('the seats count', () => {
  it('equals the active users of every organization after a random concurrent mix of every change of standing', async () => {
    const suffix = randomBytes(4).toString('hex');
    const orgs: DirectoryScope[][] = [];
    for (let o = 0; o < 3; o++) {
      const first = await newDirectory();
      const second = (await write((env) => createDirectory(env, { organizationId: first.organizationId, provider: 'entra' }))).directory;
      const third = (await write((env) => createDirectory(env, { organizationId: first.organizationId, provider: 'okta' }))).directory;
      orgs.push([first, { ...first, directoryId: second.id }, { ...first, directoryId: third.id }]);
      // Roles in one directory per organization: its leaving writes take the recompute's path.
      const role = `seat-${suffix}-${o}`;
      await createRole(first.hostId, { key: role, name: role });
      await setDefaultRole(first, role);
      await changePolicy({ ...first, actor: 'test' }, { seatLimit: o === 0 ? 12 : null });
    }
    const people = new Map<string, { dir: DirectoryScope; id: string; ext: string; name: string }[]>();
    const deleted = new Set<string>();
    let n = 0;
    const step = (): Promise<Res | unknown> => {
      const org = pick(orgs)!;
      const dir = pick(org.filter((d) => !deleted.has(d.directoryId)))!;
      const known = people.get(dir.directoryId) ?? [];
      const someone = pick(known);
      const roll = Math.random();
      if (roll < 0.3 || !someone) {
        const i = n++;
        const [ext, name] = [`ext-${suffix}-${i}`, `p${i}-${suffix}@example.com`];
        return call(dir, 'POST', 'Users', user(name, { externalId: ext, active: Math.random() < 0.8 })).then((r) => {
          if (r.status === 201) people.set(dir.directoryId, [...(people.get(dir.directoryId) ?? []), { dir, id: r.body.id, ext, name }]);
          return r;
        });
      }
      if (roll < 0.55)
        return call(dir, 'PATCH', `Users/${someone.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: Math.random() < 0.5 } }] });
      if (roll < 0.7) return call(dir, 'DELETE', `Users/${someone.id}`);
      // The same person again: linked to the record a leaving policy kept, or a 409 while SCIM still has it.
      if (roll < 0.82) return call(dir, 'POST', 'Users', user(someone.name, { externalId: someone.ext, active: true }));
      if (roll < 0.9) return changePolicy({ ...dir, actor: 'test' }, { leaving: { mode: pick(MODES)!, deleteAfterDays: 1 } });
      if (roll < 0.95) return purgeLeavers(Date.now() + 2 * 86_400_000);
      // A directory deleted with its users (one of three per organization at most: the others keep the mix going).
      if (org.filter((d) => deleted.has(d.directoryId)).length === 0 && dir !== org[0]) {
        deleted.add(dir.directoryId);
        return deleteDirectory(dir);
      }
      return call(dir, 'GET', 'Users');
    };
    for (let round = 0; round < 12; round++) {
      const results = await Promise.all(Array.from({ length: 16 }, step));
      // Refusals and losers of a race answer 4xx; nothing fails.
      for (const r of results) if (r && typeof r === 'object' && 'status' in r) expect((r as Res).status, JSON.stringify((r as Res).body)).toBeLessThan(500);
    }
    const orgIds = orgs.map((o) => o[0].organizationId);
    const { kept, counted } = await seatsAndCounts(orgIds);
    expect(kept).toEqual(counted);
    expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(counted[orgIds[0]]).toBeLessThanOrEqual(12);
    expect((await policyOf(orgs[0][0].hostId, orgIds[0])).seatsUsed).toBe(counted[orgIds[0]]);
    // The organization's directories removed: its count goes with it.
    await deleteOrganization({ hostId: orgs[2][0].hostId, organizationId: orgIds[2] });
    expect((await seatsAndCounts(orgIds)).kept[orgIds[2]]).toBe(0);
  });

  it('a limit lowered below the seats in use keeps those users and admits nobody until enough have left', async () => {
    const dir = await newDirectory();
    const policy = (seatLimit: number | null) => changePolicy({ ...dir, actor: 'test' }, { seatLimit });
    const deactivate = (id: string) => call(dir, 'PATCH', `Users/${id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] });
    const create = (name: string) => call(dir, 'POST', 'Users', user(`${name}@example.com`));
    await policy(3);
    const ids = [];
    for (const name of ['a', 'b', 'c']) ids.push((await create(name)).body.id);
    await policy(1);
    expect((await create('d')).status).toBe(403);
    await deactivate(ids[0]);
    expect((await create('d')).status).toBe(403);
    await deactivate(ids[1]);
    expect((await create('d')).status).toBe(403);
    expect((await call(dir, 'DELETE', `Users/${ids[2]}`)).status).toBe(204);
    expect((await create('d')).status).toBe(201);
    expect((await create('e')).body.detail).toBe("Refused by the organization's provisioning policy: its seat limit of 1 active users is reached");
    await policy(null);
    expect((await create('e')).status).toBe(201);
    expect((await policyOf(dir.hostId, dir.organizationId)).seatsUsed).toBe(2);
  });
});
