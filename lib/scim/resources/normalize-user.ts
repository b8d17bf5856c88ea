// POST/PUT /Users bodies (RFC 7644 §3.3, §3.5.1), and the result of a PATCH, in one canonical shape.
import { badRequest } from '../errors';
import type { ScimObject } from '../types';
import { normalizeResource } from './normalize-resource';

/**
 * Validates and canonicalises a User: schema spelling for known names (Microsoft's suite sends
 * "Department", "Manager": {"Value"}, emails[].Primary), readOnly input dropped, nulls dropped, enterprise
 * attributes moved into the extension object, unknown attributes kept as sent. Throws ScimError 400.
 */
export function normalizeUser(body: unknown): ScimObject {
  const user = normalizeResource('User', body);
  const userName = user.userName;
  if (typeof userName !== 'string' || userName.trim() === '') {
    throw badRequest('invalidValue', 'userName is required and must be a non-empty string');
  }
  return user;
}
