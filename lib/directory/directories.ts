// Directories: one IdP connection of an organization, with its SCIM endpoint and tokens.
import type { Tx } from '../db/client';
import { newId } from '../ids';
import { env } from '../env';
import { createDirectoryToken, type CreatedToken } from './tokens';
import type { Provider } from './providers';


export interface DirectoryRow {
  id: string;
  organizationId: string;
  provider: string;
  status: string;
  lastRequestAt: Date | null;
  /** SCIM requests without a valid token for this directory, counted in batches (lib/scim/request-log.ts). */
  unauthenticatedRequests: number;
  lastUnauthenticatedAt: Date | null;
  defaultRoleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function scimEndpoint(directoryId: string): string {
  return `${env().publicUrl}/scim/v2/${directoryId}`;
}

export async function createDirectory(
  db: Tx,
  { organizationId, provider }: { organizationId: string; provider: Provider },
): Promise<{ directory: DirectoryRow; token: CreatedToken }> {
  const directory = await db.directory.create({ data: { id: newId('dir'), organizationId, provider } });
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
