// A directory's mapping with the host's fields: a SCIM user write takes both from the token check's statement
// (lib/directory/tokens.ts, writeMapping); the remap job's batches and the previews read them in one keyed statement.
import { columns, decode } from '../db/rows';
import type { AttributeMappingRow } from '../db/schema';
import { one, type SqlProgram, type SqlRow } from '../db/sql-program';
import type { HostUserExtension } from './host-attrs';
import { DEFAULT_MAPPING, type MappingConfig, type MappingContext } from './mapping';
import { userSchemaOf, type UserSchema } from './user-schema';

const CONTEXT_SQL = `SELECT ${columns('HostUserSchema', 's')}, ${columns('AttributeMapping', 'm', undefined, 'm_')}
  FROM "Directory" d LEFT JOIN "HostUserSchema" s ON s."hostId" = ? LEFT JOIN "AttributeMapping" m ON m."directoryId" = d."id"
  WHERE d."id" = ?`;

function contextOf(r: SqlRow | null | undefined): { schema: UserSchema | null; mapping: MappingConfig } {
  const s = r && r.slug != null ? userSchemaOf(decode('HostUserSchema', r)) : null;
  const m = r && r.m_directoryId != null ? decode('AttributeMapping', r, 'm_') : null;
  return { schema: s, mapping: m ? { version: m.version, fields: JSON.parse(m.fields) as MappingConfig['fields'] } : DEFAULT_MAPPING };
}

const mappingContext = (schema: UserSchema | null, mapping: MappingConfig): MappingContext | null =>
  schema && schema.fields.length ? { schema, mapping } : null;

/** A directory's mapping as stored (the SCIM token check reads it: lib/directory/tokens.ts). */
export type StoredMapping = Pick<AttributeMappingRow, 'version' | 'fields'>;

// Parsed once per version of a mapping, not per request; bounded like any per-directory memo.
const parsed = new Map<string, MappingConfig>();
const MAX_PARSED = 500;

/** What a SCIM user write maps the user's values with: the host's fields and this directory's mapping of them. */
export function writeMapping(ext: HostUserExtension | null, stored: StoredMapping | null): MappingContext | null {
  if (!ext) return null;
  if (!stored) return { schema: ext.userSchema, mapping: DEFAULT_MAPPING };
  const key = `${stored.version}\n${stored.fields}`;
  let mapping = parsed.get(key);
  if (!mapping) {
    mapping = { version: stored.version, fields: JSON.parse(stored.fields) as MappingConfig['fields'] };
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, mapping);
  }
  return { schema: ext.userSchema, mapping };
}

/** The same inside a program (the remap job's batches, previews). */
export function* findMappingContext(hostId: string, directoryId: string): SqlProgram<{ schema: UserSchema | null; mapping: MappingConfig }> {
  return contextOf(yield* one(CONTEXT_SQL, [hostId, directoryId]));
}

export function* mappingContextSql(hostId: string, directoryId: string): SqlProgram<MappingContext | null> {
  const { schema, mapping } = yield* findMappingContext(hostId, directoryId);
  return mappingContext(schema, mapping);
}
