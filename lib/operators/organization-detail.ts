// One organization as the dashboard's organization page shows it: its directories with their live health
// (lib/health), counts, tokens and when each was last used, and its latest events.
import type { Tx } from '../db/client';
import { listOrganizationDirectories, scimEndpoint } from '../directory/directories';
import { PROVIDER_NAMES, type Provider } from '../directory/providers';
import { listDirectoryTokens } from '../directory/tokens';
import { findOrganization } from '../organizations/organizations';
import { connectionStatus, type ConnectionStatus } from '../portal/connection-status';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const RECENT_EVENTS = 20;

export async function organizationDetail(db: Tx, { hostId, id }: { hostId: string; id: string }) {
  const org = await findOrganization(db, { hostId, id });
  if (!org) return null;
  const dirs = await listOrganizationDirectories(db, { organizationId: org.id });
  const directories = await Promise.all(
    dirs.map(async (d) => {
      const [connection, users, groups, tokens]: [ConnectionStatus, number, number, Awaited<ReturnType<typeof listDirectoryTokens>>] = await Promise.all([
        connectionStatus(db, d),
        db.directoryUser.count({ where: { directoryId: d.id } }),
        db.directoryGroup.count({ where: { directoryId: d.id } }),
        listDirectoryTokens(db, { directoryId: d.id }),
      ]);
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
        tokens: tokens.map((t) => ({ id: t.id, lastFour: t.lastFour, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt), expiresAt: iso(t.expiresAt) })),
      };
    }),
  );
  // Newest first, per directory on the [directoryId, seq] index, then merged.
  const events = dirs.length
    ? await db.event.findMany({
        where: { hostId, directoryId: { in: dirs.map((d) => d.id) } },
        orderBy: { seq: 'desc' },
        take: RECENT_EVENTS,
        select: { id: true, type: true, directoryId: true, createdAt: true },
      })
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
