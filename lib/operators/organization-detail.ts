// One organization as the dashboard's organization page shows it: its directories with their live health
// (lib/health), counts, tokens and when each was last used, and its latest events.
import { read } from '../db/database';
import { asDate, asStr, asStrOrNull } from '../db/rows';
import { all, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { listOrganizationDirectories, scimEndpoint } from '../directory/directories';
import { directoryCounts } from '../directory/directory-counts';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import { listDirectoryTokens } from '../directory/tokens';
import { findOrganization } from '../organizations/organizations';
import { connectionStatus, type ConnectionStatus } from '../portal/connection-status';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const RECENT_EVENTS = 20;

function* recentEvents(
  env: SqlEnv,
  hostId: string,
  directoryIds: string[],
): SqlProgram<{ id: string; type: string; directoryId: string | null; createdAt: Date }[]> {
  const [inDirs, list] = env.dialect.inList('"directoryId"', directoryIds);
  const rows = yield* all(`SELECT "id", "type", "directoryId", "createdAt" FROM "Event" WHERE "hostId" = ? AND ${inDirs} ORDER BY "seq" DESC LIMIT ?`, [
    hostId,
    list,
    RECENT_EVENTS,
  ]);
  return rows.map((r) => ({ id: asStr(r.id), type: asStr(r.type), directoryId: asStrOrNull(r.directoryId), createdAt: asDate(r.createdAt) }));
}

export async function organizationDetail({ hostId, id }: { hostId: string; id: string }) {
  const org = await read(() => findOrganization({ hostId, id }));
  if (!org) return null;
  const dirs = await read(() => listOrganizationDirectories({ organizationId: org.id }));
  const directories = await Promise.all(
    dirs.map(async (d) => {
      const connection: ConnectionStatus = await connectionStatus(d);
      const [{ users, groups }, tokens] = await Promise.all([directoryCounts(d.id), read(() => listDirectoryTokens({ directoryId: d.id }))]);
      return {
        id: d.id,
        name: d.name,
        provider: d.provider,
        providerName: PROVIDER_NAMES[d.provider as Provider] ?? d.provider,
        status: d.status,
        endpoint: scimEndpoint(d.id),
        connection,
        users,
        groups,
        tokens: tokens.map((t) => ({
          id: t.id,
          lastFour: t.lastFour,
          createdAt: t.createdAt.toISOString(),
          lastUsedAt: iso(t.lastUsedAt),
          revokedAt: iso(t.revokedAt),
          expiresAt: iso(t.expiresAt),
        })),
      };
    }),
  );
  // Newest first, per directory on the [directoryId, seq] index, then merged.
  const events = dirs.length
    ? await read((env) =>
        recentEvents(
          env,
          hostId,
          dirs.map((d) => d.id),
        ),
      )
    : [];
  return {
    id: org.id,
    name: org.name,
    externalId: org.externalId,
    createdAt: org.createdAt.toISOString(),
    directories,
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), directoryName: dirs.find((d) => d.id === e.directoryId)?.name ?? null })),
  };
}

export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof organizationDetail>>>;
