import { checkBodyShape } from './body-limits';
import { badRequest } from './errors';
import type { ScimObject } from './types';

/** Parses a request body as JSON whatever its Content-Type (Okta's 2016 suite sent none). */
export function parseJsonBody(text: string | null): unknown {
  if (text === null || text.trim() === '') throw badRequest('invalidSyntax', 'The request body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('invalidSyntax', 'The request body is not valid JSON');
  }
  checkBodyShape(value);
  return value;
}

export function parseJsonObject(text: string | null): ScimObject {
  const v = parseJsonBody(text);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw badRequest('invalidSyntax', 'The request body must be a JSON object');
  }
  return v as ScimObject;
}
