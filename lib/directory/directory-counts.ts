// A directory's users and groups, counted for the portal's directory page and the operators' organization page. A
// count reads every row (a million users: 130-160 ms on PostgreSQL, 30-35 ms on SQLite), so it runs as a scan
// (lib/db/scan-gate.ts), costing its requester time, never the read path every tenant shares.
import { scan } from '../db/database';
import { countGroups } from './groups/reads';
import { countUsers } from './users/reads';

export function directoryCounts(directoryId: string): Promise<{ users: number; groups: number }> {
  return scan(function* () {
    return { users: yield* countUsers(directoryId), groups: yield* countGroups(directoryId) };
  });
}
