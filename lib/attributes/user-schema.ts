// The host's user fields (issue 18, item 1): one HostUserSchema row per host, the one reader and writer of that
// table. Each directory of the host advertises them as the extension urn:…:extension:{slug}:2.0:User.
import { auditSql } from '../audit/audit-log';
import { read, write } from '../db/database';
import { columns, decode } from '../db/rows';
import type { HostUserSchemaRow } from '../db/schema';
import { one, run, type SqlProgram } from '../db/sql-program';
import type { UserField, PutUserSchemaInput } from '../schemas/user-schema';
import { kickFieldIndexes } from './field-index-job';
import { declareFieldIndexes, fieldIndexStates, type FieldIndexState } from './field-indexes';
import { kickRemaps, restartHostRemapsSql } from './remap-job';

export interface UserSchema {
  slug: string;
  /** urn:ietf:params:scim:schemas:extension:{slug}:2.0:User */
  urn: string;
  fields: UserField[];
  updatedAt: Date;
}

export const extensionUrn = (slug: string) => `urn:ietf:params:scim:schemas:extension:${slug}:2.0:User`;

/** The declaration as stored: its fields as JSON text. */
export type StoredUserSchema = Pick<HostUserSchemaRow, 'slug' | 'fields' | 'updatedAt'>;

export function userSchemaOf(row: StoredUserSchema): UserSchema {
  return { slug: row.slug, urn: extensionUrn(row.slug), fields: JSON.parse(row.fields) as UserField[], updatedAt: row.updatedAt };
}

function* findStored(hostId: string): SqlProgram<HostUserSchemaRow | null> {
  const r = yield* one(`SELECT ${columns('HostUserSchema')} FROM "HostUserSchema" WHERE "hostId" = ?`, [hostId]);
  return r ? decode('HostUserSchema', r) : null;
}

/** The host's declared fields, or null when it has declared none. */
function* findUserSchema(hostId: string): SqlProgram<UserSchema | null> {
  const row = yield* findStored(hostId);
  return row && userSchemaOf(row);
}

/** The declaration with the state of each indexed field's index (the host API's answer). */
export type UserSchemaWithIndexes = UserSchema & { indexes: FieldIndexState[] };

export const readUserSchemaWithIndexes = (hostId: string) =>
  read(function* (env): SqlProgram<UserSchemaWithIndexes | null> {
    const schema = yield* findUserSchema(hostId);
    return schema && { ...schema, indexes: yield* fieldIndexStates(env, schema) };
  });

export const readStoredUserSchema = (hostId: string) => read(() => findStored(hostId));

/** What a user's mapped values depend on: a field added, removed, or its type, default or required changed. */
const valuesOf = (s: UserSchema | null) => JSON.stringify((s?.fields ?? []).map((f) => [f.key, f.type, f.default ?? null, f.required]));

/**
 * Replaces the declaration. A field left out is no longer advertised or filterable; the values IdPs sent for it
 * stay in each user's stored resource. A change of what mapped values depend on recomputes them in every directory
 * of the host (remap-job.ts); a change of labels or indexes alone does not. Indexes are built and dropped after the
 * commit, in the background (field-index-job.ts): the answer says which are still building.
 */
export async function saveUserSchema(hostId: string, input: PutUserSchemaInput, actor: string): Promise<UserSchemaWithIndexes> {
  const { saved, remap, indexes } = await write(function* (env) {
    const previous = yield* findUserSchema(hostId);
    const fields = JSON.stringify(input.fields);
    yield* run(
      `INSERT INTO "HostUserSchema" ("hostId", "slug", "fields", "updatedAt") VALUES (?, ?, ?, ${env.dialect.now})
       ON CONFLICT ("hostId") DO UPDATE SET "slug" = excluded."slug", "fields" = excluded."fields", "updatedAt" = excluded."updatedAt"`,
      [hostId, input.slug, fields],
    );
    yield* auditSql(env, {
      hostId,
      actor,
      action: 'user_schema.updated',
      target: hostId,
      details: { slug: input.slug, fields: input.fields.map((f) => f.key) },
    });
    const saved = (yield* findUserSchema(hostId))!;
    const indexes = yield* declareFieldIndexes(env, hostId, saved);
    const remap = valuesOf(previous) === valuesOf(saved) ? [] : yield* restartHostRemapsSql(env, hostId);
    return { saved: { ...saved, indexes: yield* fieldIndexStates(env, saved) }, remap, indexes };
  });
  kickRemaps(remap);
  void kickFieldIndexes(indexes);
  return saved;
}
