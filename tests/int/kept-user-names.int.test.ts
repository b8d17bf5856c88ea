// A user the IdP deleted and the leaving policy keeps for the host holds no userName (issue 19), on both databases,
// with Okta's and Entra's bodies: another person may take it (created or renamed), the same person POSTed again is
// linked (by externalId first, then by userName when nobody SCIM sees holds it), and never do two users SCIM sees
// share one userName, however the requests race.
import { describe, expect, it } from 'vitest';
import { clientCreateUserBody, oktaUserInput, profileUpdatePutBody } from '../../e2e/fixtures/idp/okta';
import { createUserBody, entraUserInput, replaceUserName } from '../../e2e/fixtures/idp/entra';
import { read } from '../../lib/db/database';
import { all } from '../../lib/db/sql-program';
import type { DirectoryScope } from '../../lib/events/event-types';
import { changePolicy } from '../../lib/policy/policy-admin';
import { call, newDirectory } from './scim-helpers';

type Body = Record<string, unknown>;

/** A person as each IdP creates it: its body, under another externalId, and without one. */
const IDPS = {
  okta: () => {
    const u = oktaUserInput('kept');
    return { userName: u.userName, body: (ext?: string | null) => withExt(clientCreateUserBody(u), ext) };
  },
  entra: () => {
    const u = entraUserInput('Kept_');
    return { userName: u.userName, body: (ext?: string | null) => withExt(createUserBody(u), ext) };
  },
};

function withExt(body: Body, ext: string | null | undefined): Body {
  if (ext === undefined) return body;
  const { externalId: _, ...rest } = body;
  return ext === null ? rest : { ...rest, externalId: ext };
}

/** The rows of one userName: [SCIM sees it, id], those SCIM sees first. */
const rowsNamed = async (dir: DirectoryScope, userName: string) =>
  (
    await read(() =>
      all(`SELECT "id", "removedAt" FROM "DirectoryUser" WHERE "directoryId" = ? AND "userNameLower" = ?`, [dir.directoryId, userName.toLowerCase()]),
    )
  )
    .map((r) => [r.removedAt === null, r.id])
    .sort((a, b) => Number(b[0]) - Number(a[0]));

/** A directory under `mode` whose user of the IdP's shape was DELETEd (kept for the host). */
async function keptUser(idp: keyof typeof IDPS, mode: 'deactivate' | 'delete_after') {
  const dir = await newDirectory();
  await changePolicy({ ...dir, actor: 'test' }, { leaving: { mode, deleteAfterDays: mode === 'delete_after' ? 30 : null } });
  const person = IDPS[idp]();
  const created = await call(dir, 'POST', 'Users', person.body());
  expect(created.status).toBe(201);
  expect((await call(dir, 'DELETE', `Users/${created.body.id}`)).status).toBe(204);
  return { dir, person, kept: created.body as Body & { id: string } };
}

describe.each(['okta', 'entra'] as const)('%s', (idp) => {
  describe.each(['deactivate', 'delete_after'] as const)('under "%s"', (mode) => {
    it('another person (another externalId) takes the kept userName: a new user, the kept one stays the host’s', async () => {
      const { dir, person, kept } = await keptUser(idp, mode);
      const other = await call(dir, 'POST', 'Users', person.body('someone-else'));
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(kept.id);
      expect(await rowsNamed(dir, person.userName)).toEqual([
        [true, other.body.id],
        [false, kept.id],
      ]);
      const found = await call(dir, 'GET', `Users?filter=${encodeURIComponent(`userName eq "${person.userName}"`)}`);
      expect(found.body.Resources.map((r: Body) => r.id)).toEqual([other.body.id]);
      // Nobody SCIM sees is free to take it again, nor is the kept user: its own externalId is a 409 now.
      expect((await call(dir, 'POST', 'Users', person.body(null))).status).toBe(409);
      expect((await call(dir, 'POST', 'Users', person.body())).status).toBe(409);
      expect(await rowsNamed(dir, person.userName)).toHaveLength(2);
    });

    it('a user SCIM sees is renamed to the kept userName', async () => {
      const { dir, person } = await keptUser(idp, mode);
      const other = IDPS[idp]();
      const created = (await call(dir, 'POST', 'Users', other.body())).body;
      const renamed =
        idp === 'okta'
          ? await call(dir, 'PUT', `Users/${created.id}`, { ...profileUpdatePutBody(created, {}), userName: person.userName })
          : await call(dir, 'PATCH', `Users/${created.id}`, replaceUserName(person.userName));
      expect([renamed.status, renamed.body.userName]).toEqual([200, person.userName]);
    });

    it('the same person again is linked: by externalId, or by userName when it sends none', async () => {
      for (const ext of [undefined, null] as const) {
        const { dir, person, kept } = await keptUser(idp, mode);
        const again = await call(dir, 'POST', 'Users', person.body(ext));
        expect([again.status, again.body.id]).toEqual([201, kept.id]);
        expect(await rowsNamed(dir, person.userName)).toEqual([[true, kept.id]]);
      }
    });

    it('the same person sent again exactly as kept (inactive) is linked back into SCIM all the same', async () => {
      const { dir, person, kept } = await keptUser(idp, mode);
      const again = await call(dir, 'POST', 'Users', { ...person.body(), active: false });
      expect([again.status, again.body.id, again.body.active]).toEqual([201, kept.id, false]);
      expect((await call(dir, 'GET', `Users/${kept.id}`)).status).toBe(200);
      expect(await rowsNamed(dir, person.userName)).toEqual([[true, kept.id]]);
    });

    it('concurrent creates of the kept userName (its person, others, no externalId) leave one user SCIM sees', async () => {
      const { dir, person, kept } = await keptUser(idp, mode);
      const bodies = [person.body(), person.body('other-1'), person.body(null), person.body('other-2'), person.body(), person.body(null)];
      const results = await Promise.all(bodies.map((b) => call(dir, 'POST', 'Users', b)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      const rows = await rowsNamed(dir, person.userName);
      expect(rows.filter(([visible]) => visible)).toHaveLength(1);
      // The winner is the kept user linked, or another person beside it: never a second row for the same person.
      expect(rows.map(([, id]) => id)).toContain(kept.id);
      expect(rows.length).toBeLessThanOrEqual(2);
    });
  });
});
