// Row locks for read-modify-write transactions. PostgreSQL: SELECT … FOR UPDATE makes concurrent writers of one
// row queue instead of failing their version check and retrying. SQLite runs one write transaction at a time
// already, so nothing is needed there.
import { dialect, type Tx } from './client';

const TABLES = { user: '"DirectoryUser"', group: '"DirectoryGroup"', organization: '"Organization"', directory: '"Directory"' } as const;

export async function lockRow(tx: Tx, table: keyof typeof TABLES, id: string): Promise<void> {
  if (dialect() !== 'postgres') return;
  await tx.$queryRawUnsafe(`SELECT 1 FROM ${TABLES[table]} WHERE "id" = $1 FOR UPDATE`, id);
}
