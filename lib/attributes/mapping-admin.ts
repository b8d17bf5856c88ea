// What the portal's Attributes tab and the host API show of a directory's mapping: the effective mapping per host
// field, the source paths that have arrived, a preview of a mapping over real users, and the recompute's progress.
// Samples are bounded (SAMPLE users, read CHUNK at a time), whatever the directory's size.
import { read } from '../db/database';
import { all } from '../db/sql-program';
import type { DirectoryScope } from '../events/event-types';
import type { PutAttributeMappingInput } from '../schemas/attribute-mapping';
import type { ScimObject, ScimValue } from '../scim/types';
import type { FieldWarning } from './convert';
import { mapAttributes, sourcesOf, type MappingContext } from './mapping';
import { findMappingContext } from './mapping-context';
import { checkMapping } from './mapping-store';
import { readRemapJob } from './remap-job';
import { pathsOf } from './source-paths';

const SAMPLE = 1000;
const CHUNK = 200;
const MAX_PATHS = 200;

/** The directory's users, newest change first, CHUNK at a time, SAMPLE at most. */
async function* sampleUsers(directoryId: string, limit = SAMPLE): AsyncGenerator<{ id: string; userName: string; raw: ScimObject }[]> {
  for (let offset = 0; offset < limit; offset += CHUNK) {
    const rows = await read(() =>
      all(`SELECT "id", "userName", "raw" FROM "DirectoryUser" WHERE "directoryId" = ? ORDER BY "updatedAt" DESC, "id" LIMIT ? OFFSET ?`, [
        directoryId,
        Math.min(CHUNK, limit - offset),
        offset,
      ]),
    );
    if (rows.length) yield rows.map((r) => ({ id: String(r.id), userName: String(r.userName), raw: JSON.parse(String(r.raw)) as ScimObject }));
    if (rows.length < CHUNK) return;
  }
}

export async function readMappingView(scope: DirectoryScope) {
  const { schema, mapping } = await read(() => findMappingContext(scope.hostId, scope.directoryId));
  const ctx: MappingContext | null = schema && { schema, mapping };
  return {
    version: mapping.version,
    extension: schema?.urn ?? null,
    fields: (schema?.fields ?? []).map((f) => {
      const m = sourcesOf(ctx!, f.key);
      return {
        key: f.key,
        label: f.label,
        type: f.type,
        required: f.required,
        fieldDefault: f.default ?? null,
        sources: m.sources,
        default: m.default ?? null,
      };
    }),
    job: await readRemapJob(scope.directoryId),
  };
}

/** The paths that arrived in this directory, with how many of the sampled users have each, most common first. */
export async function sourcePathsSeen(scope: DirectoryScope) {
  const counts = new Map<string, number>();
  let sampled = 0;
  for await (const chunk of sampleUsers(scope.directoryId)) {
    sampled += chunk.length;
    for (const u of chunk) for (const p of pathsOf(u.raw)) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const paths = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_PATHS);
  return { sampled, paths: paths.map(([path, users]) => ({ path, users })) };
}

interface PreviewRow {
  id: string;
  userName: string;
  values: Record<string, ScimValue>;
  warnings: FieldWarning[];
}

/** A mapping's values for the first `limit` users (most recently changed first), and per field how many lack one. */
export async function previewMapping(scope: DirectoryScope, input: PutAttributeMappingInput, limit: number) {
  const { schema } = await read(() => findMappingContext(scope.hostId, scope.directoryId));
  checkMapping(schema, input);
  const fields = schema?.fields ?? [];
  const ctx: MappingContext | null = schema && { schema, mapping: { version: -1, fields: input.fields } };
  const users: PreviewRow[] = [];
  const stats = Object.fromEntries(fields.map((f) => [f.key, { missing: 0, failed: 0 }]));
  let sampled = 0;
  for await (const chunk of sampleUsers(scope.directoryId)) {
    for (const u of chunk) {
      if (!ctx) break;
      const { values, warnings } = mapAttributes(u.raw, ctx);
      sampled++;
      if (users.length < limit) users.push({ id: u.id, userName: u.userName, values, warnings });
      for (const f of fields) {
        if (!(f.key in values)) stats[f.key].missing++;
        if (warnings.some((w) => w.field === f.key && w.value !== '')) stats[f.key].failed++;
      }
    }
  }
  return { sampled, users, fields: fields.map((f) => ({ key: f.key, ...stats[f.key] })) };
}
