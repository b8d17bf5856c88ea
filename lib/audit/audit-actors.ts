// Who an audit entry's actor is, in words: an operator by email, an API key by name, an organization's admin by
// the organization's name, the CLI, the migration. Looked up for the page's rows only (three lookups by id).
import type { Tx } from '../db/client';

export async function actorNames(db: Tx, hostId: string, actors: string[]): Promise<Map<string, string>> {
  const ids = (prefix: string) => [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))];
  const [operators, keys, orgs] = await Promise.all([
    db.operator.findMany({ where: { hostId, id: { in: ids('operator:') } }, select: { id: true, email: true } }),
    db.apiKey.findMany({ where: { hostId, id: { in: ids('api-key:') } }, select: { id: true, name: true } }),
    db.organization.findMany({ where: { hostId, id: { in: ids('portal:') } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([
    ['cli', 'Command line'],
    ['migration', 'Database migration'],
    ['system', 'System'],
  ]);
  for (const o of operators) names.set(`operator:${o.id}`, `Operator ${o.email}`);
  for (const k of keys) names.set(`api-key:${k.id}`, `API key “${k.name}”`);
  for (const o of orgs) names.set(`portal:${o.id}`, `Admin of ${o.name} (portal)`);
  return names;
}

/** Organization names of a page's rows. */
export async function organizationNames(db: Tx, hostId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.organization.findMany({ where: { hostId, id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
