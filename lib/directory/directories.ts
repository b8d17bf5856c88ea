// Directories: one IdP connection of an organization, with its SCIM endpoint and tokens.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { env } from '../env';
import { createDirectoryToken, type CreatedToken } from './tokens';
import { PROVIDER_NAMES, type Provider } from './providers';


export interface DirectoryRow {
  id: string;
  organizationId: string;
  provider: string;
  name: string;
  status: string;
  lastRequestAt: Date | null;
  /** SCIM requests without a valid token for this directory, counted in batches (lib/scim/request-log.ts). */
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  authFailuresSeen: number;
  health: string;
  healthReason: string | null;
  healthChangedAt: Date | null;
  connectedAt: Date | null;
  defaultRoleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function scimEndpoint(directoryId: string): string {
  return `${env().publicUrl}/scim/v2/${directoryId}`;
}

/** "Okta", then "Okta 2", … within an organization, so two directories of one provider can be told apart. */
async function defaultName(db: Tx, organizationId: string, provider: Provider): Promise<string> {
  const n = await db.directory.count({ where: { organizationId, provider } });
  return n === 0 ? PROVIDER_NAMES[provider] : `${PROVIDER_NAMES[provider]} ${n + 1}`;
}

export async function createDirectory(
  db: Tx,
  { organizationId, provider, name }: { organizationId: string; provider: Provider; name?: string },
): Promise<{ directory: DirectoryRow; token: CreatedToken }> {
  const directory = await db.directory.create({
    data: { id: newId('dir'), organizationId, provider, name: name ?? (await defaultName(db, organizationId, provider)) },
  });
  const token = await createDirectoryToken(db, { directoryId: directory.id });
  return { directory, token };
}

/** A directory of an organization of this host, or null (so another host's ids read as unknown). */
export function findHostDirectory(db: Tx, { hostId, id }: { hostId: string; id: string }): Promise<DirectoryRow | null> {
  return db.directory.findFirst({ where: { id, organization: { hostId } } });
}

export function listOrganizationDirectories(db: Tx, { organizationId }: { organizationId: string }): Promise<DirectoryRow[]> {
  return db.directory.findMany({ where: { organizationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}
