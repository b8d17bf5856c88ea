// The one writer of AttributeMapping: a directory's mapping of the host's fields (issue 18, item 3), checked against
// the fields, audited, and followed by the recompute of its users' values (remap-job.ts).
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { columns, decode } from '../db/rows';
import { one, type SqlEnv, type SqlProgram } from '../db/sql-program';
import { DomainError } from '../domain-error';
import type { DirectoryScope } from '../events/event-types';
import type { PutAttributeMappingInput } from '../schemas/attribute-mapping';
import type { MappingConfig } from './mapping';
import { findMappingContext, type StoredMapping } from './mapping-context';
import { kickRemap, startRemapSql } from './remap-job';
import { sourcePath } from './source-paths';
import type { UserSchema } from './user-schema';

/** Refuses a mapping naming a field the host did not declare, or a source that is not a SCIM path. */
export function checkMapping(schema: UserSchema | null, input: PutAttributeMappingInput): void {
  const keys = new Set(schema?.fields.map((f) => f.key) ?? []);
  for (const [key, m] of Object.entries(input.fields)) {
    if (!keys.has(key)) throw new DomainError('invalid', `fields.${key}: the host declares no such field`);
    for (const source of m.sources) {
      try {
        sourcePath(source);
      } catch (e) {
        throw new DomainError('invalid', `fields.${key}: ${JSON.stringify(source)} is not a SCIM attribute path (${(e as Error).message})`);
      }
    }
  }
}

export function* saveMappingSql(env: SqlEnv, scope: DirectoryScope, input: PutAttributeMappingInput, actor: string): SqlProgram<MappingConfig> {
  const current = yield* findMappingContext(scope.hostId, scope.directoryId);
  checkMapping(current.schema, input);
  // Numbered in the statement, so two saves at once get two versions.
  const saved = yield* one(
    `INSERT INTO "AttributeMapping" ("directoryId", "fields", "version", "updatedAt") VALUES (?, ?, 1, ${env.dialect.now})
     ON CONFLICT ("directoryId") DO UPDATE SET "fields" = excluded."fields", "version" = "AttributeMapping"."version" + 1, "updatedAt" = excluded."updatedAt"
     RETURNING "version"`,
    [scope.directoryId, JSON.stringify(input.fields)],
  );
  const version = Number(saved?.version);
  yield* auditSql(env, {
    hostId: scope.hostId,
    organizationId: scope.organizationId,
    actor,
    action: 'attribute_mapping.changed',
    target: scope.directoryId,
    details: { version, fields: Object.fromEntries(Object.entries(input.fields).map(([k, m]) => [k, m.sources])) },
  });
  yield* startRemapSql(env, scope.directoryId, version);
  return { version, fields: input.fields };
}

/** Replaces the directory's mapping and starts recomputing its users' values (remap-job.ts), in one transaction. */
export async function saveMapping(scope: DirectoryScope, input: PutAttributeMappingInput, actor: string): Promise<MappingConfig> {
  const saved = await write((env) => saveMappingSql(env, scope, input, actor));
  void kickRemap(scope.directoryId).catch(() => {});
  return saved;
}

/** The directory's mapping as stored, or null (the SCIM token check reads it with the token: lib/directory/tokens.ts). */
export const readStoredMapping = (directoryId: string): Promise<StoredMapping | null> =>
  read(function* () {
    const r = yield* one(`SELECT ${columns('AttributeMapping')} FROM "AttributeMapping" WHERE "directoryId" = ?`, [directoryId]);
    return r && decode('AttributeMapping', r);
  });
