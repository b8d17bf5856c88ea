// What a SCIM request of a host needs of its user fields: the extension schema (discovery, conversion) and the
// Users filter allow-list with the fields in it. The allow-list is built once per declaration, not per request.
import { buildAttrs, type ResourceAttrs } from '../scim/filter/attributes';
import { USER_ATTRS } from '../scim/filter/resource-attrs';
import { USER_BACKINGS } from '../directory/users/columns';
import type { SchemaDefinition } from '../scim/schemas/attribute-definition';
import { extensionSchema } from './extension-schema';
import { readUserSchema, type UserSchema } from './user-schema';

export interface HostUserExtension {
  userSchema: UserSchema;
  schema: SchemaDefinition;
  attrs: ResourceAttrs;
}

// Keyed by the declaration itself, so a change is a new entry; bounded like any per-host memo.
const built = new Map<string, HostUserExtension>();
const MAX_BUILT = 200;

export function hostUserExtension(userSchema: UserSchema | null): HostUserExtension | null {
  if (!userSchema || userSchema.fields.length === 0) return null;
  const key = `${userSchema.slug}\n${JSON.stringify(userSchema.fields)}`;
  let ext = built.get(key);
  if (!ext) {
    const schema = extensionSchema(userSchema);
    ext = { userSchema, schema, attrs: buildAttrs(USER_BACKINGS, [schema]) };
    if (built.size >= MAX_BUILT) built.delete(built.keys().next().value!);
    built.set(key, ext);
  }
  return ext;
}

/** The host's extension, read now (one keyed lookup), or null when it declared no fields. */
export async function loadHostUserExtension(hostId: string): Promise<HostUserExtension | null> {
  return hostUserExtension(await readUserSchema(hostId));
}

/** The Users allow-list for this host. */
export const userAttrsOf = (ext: HostUserExtension | null): ResourceAttrs => ext?.attrs ?? USER_ATTRS;
