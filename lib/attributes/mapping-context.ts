// A directory's mapping with the host's fields, read in one keyed statement: the one a SCIM user write already made
// for the fields alone (users-endpoint.ts), the remap job's batches and the previews.
import { lookup } from '../db/database';
import { columns, decode } from '../db/rows';
import { one, type SqlProgram, type SqlRow } from '../db/sql-program';
import { hostUserExtension, type HostUserExtension } from './host-attrs';
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

/** What a SCIM user write needs: the host's extension (conversion) and the mapping its values are computed with. */
export async function loadWriteContext(hostId: string, directoryId: string): Promise<{ ext: HostUserExtension | null; mapping: MappingContext | null }> {
  const [r] = await lookup(CONTEXT_SQL, [hostId, directoryId]);
  const { schema, mapping } = contextOf(r);
  return { ext: hostUserExtension(schema), mapping: mappingContext(schema, mapping) };
}

/** The same inside a program (the remap job's batches, previews). */
export function* findMappingContext(hostId: string, directoryId: string): SqlProgram<{ schema: UserSchema | null; mapping: MappingConfig }> {
  return contextOf(yield* one(CONTEXT_SQL, [hostId, directoryId]));
}

export function* mappingContextSql(hostId: string, directoryId: string): SqlProgram<MappingContext | null> {
  const { schema, mapping } = yield* findMappingContext(hostId, directoryId);
  return mappingContext(schema, mapping);
}
