// The size of a resource as stored: its JSON (members excepted, they are rows) at most SCIM_MAX_RESOURCE_BYTES.
// Checked as the resource is normalised, so a POST, a PUT and the result of a PATCH are held to it alike.
import { env } from '../env';
import { ScimError } from './errors';
import type { ResourceKind, ScimObject } from './types';

const n = (x: number) => x.toLocaleString('en-US');

/** 413 when the resource, as it would be stored, is over the limit. */
export function checkStoredSize(kind: ResourceKind, resource: ScimObject): void {
  const max = env().scim.maxResourceBytes;
  const bytes = Buffer.byteLength(JSON.stringify(resource));
  if (bytes > max) {
    throw new ScimError(413, undefined, `The ${kind} would take ${n(bytes)} bytes as stored; the limit is ${n(max)} (SCIM_MAX_RESOURCE_BYTES)`);
  }
}
