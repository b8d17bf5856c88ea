// What a SCIM request of a host needs of its user fields: the extension schema (discovery, conversion) and the
// Users filter allow-list with the fields in it. The allow-list is built once per declaration, not per request.
import { boundedMemo } from '../bounded-memo';
import { buildAttrs, type ResourceAttrs } from '../scim/filter/attributes';
import { USER_ATTRS } from '../scim/filter/resource-attrs';
import { USER_BACKINGS } from '../directory/users/columns';
import type { SchemaDefinition } from '../scim/schemas/attribute-definition';
import { extensionSchema } from './extension-schema';
import { readStoredUserSchema, userSchemaOf, type StoredUserSchema, type UserSchema } from './user-schema';

export interface HostUserExtension {
  userSchema: UserSchema;
  schema: SchemaDefinition;
  attrs: ResourceAttrs;
}

/** The extension a declaration makes: its schema and the Users allow-list with its fields; null without fields. */
export function extensionOf(userSchema: UserSchema | null): HostUserExtension | null {
  if (!userSchema?.fields.length) return null;
  const schema = extensionSchema(userSchema);
  return { userSchema, schema, attrs: buildAttrs(USER_BACKINGS, [schema]) };
}

// Keyed by the declaration as stored, so a change is a new entry and a request parses nothing.
const built = boundedMemo<HostUserExtension | null>(200);

/** The host's extension from its stored declaration (the SCIM token check reads it), or null when it declared no fields. */
export function hostUserExtension(stored: StoredUserSchema | null): HostUserExtension | null {
  return stored && built(`${stored.slug}\n${stored.fields}`, () => extensionOf(userSchemaOf(stored)));
}

/** The host's extension, read now (one keyed lookup), or null when it declared no fields. */
export async function loadHostUserExtension(hostId: string): Promise<HostUserExtension | null> {
  return hostUserExtension(await readStoredUserSchema(hostId));
}

/** The Users allow-list for this host. */
export const userAttrsOf = (ext: HostUserExtension | null): ResourceAttrs => ext?.attrs ?? USER_ATTRS;
