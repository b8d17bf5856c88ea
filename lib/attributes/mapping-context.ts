// A directory's mapping with the host's fields: a SCIM user write takes both from the token check's statement
// (lib/directory/tokens.ts, writeMapping); the remap job's batches and the previews read them in one keyed statement.
import { boundedMemo } from '../bounded-memo';
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
  return { schema: s, mapping: m ? configOf(m) : DEFAULT_MAPPING };
}

const mappingContext = (schema: UserSchema | null, mapping: MappingConfig): MappingContext | null =>
  schema && schema.fields.length ? { schema, mapping } : null;

/** A directory's mapping as stored (the SCIM token check reads it: lib/directory/tokens.ts). */
export type StoredMapping = Pick<AttributeMappingRow, 'version' | 'fields'>;

const configOf = (stored: StoredMapping): MappingConfig => ({ version: stored.version, fields: JSON.parse(stored.fields) as MappingConfig['fields'] });

// Parsed once per version of a mapping, not per request.
const parsed = boundedMemo<MappingConfig>(500);

/** What a SCIM user write maps the user's values with: the host's fields and this directory's mapping of them. */
export function writeMapping(ext: HostUserExtension | null, stored: StoredMapping | null): MappingContext | null {
  if (!ext) return null;
  return { schema: ext.userSchema, mapping: stored ? parsed(`${stored.version}\n${stored.fields}`, () => configOf(stored)) : DEFAULT_MAPPING };
}

/** The same inside a program (the remap job's batches, previews). */
export function* findMappingContext(hostId: string, directoryId: string): SqlProgram<{ schema: UserSchema | null; mapping: MappingConfig }> {
  return contextOf(yield* one(CONTEXT_SQL, [hostId, directoryId]));
}

export function* mappingContextSql(hostId: string, directoryId: string): SqlProgram<MappingContext | null> {
  const { schema, mapping } = yield* findMappingContext(hostId, directoryId);
  return mappingContext(schema, mapping);
}
