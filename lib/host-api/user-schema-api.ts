// Host API: the host's user fields (issue 18), advertised to IdPs as urn:…:extension:{slug}:2.0:User.
import { readUserSchemaWithIndexes, saveUserSchema, type UserSchemaWithIndexes } from '../attributes/user-schema';
import { putUserSchemaInputSchema } from '../schemas/user-schema';
import type { ApiContext } from './with-api-key';

const toApiUserSchema = (s: UserSchemaWithIndexes | null) =>
  s
    ? { slug: s.slug, schema: s.urn, fields: s.fields, indexes: s.indexes, updatedAt: s.updatedAt.toISOString() }
    : { slug: null, schema: null, fields: [], indexes: [], updatedAt: null };

export async function getUserSchema({ hostId }: ApiContext): Promise<Response> {
  return Response.json(toApiUserSchema(await readUserSchemaWithIndexes(hostId)));
}

export async function putUserSchema({ hostId, keyId, json }: ApiContext): Promise<Response> {
  const input = putUserSchemaInputSchema.parse(await json());
  return Response.json(toApiUserSchema(await saveUserSchema(hostId, input, `api-key:${keyId}`)));
}
