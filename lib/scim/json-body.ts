import { checkBodyShape } from './body-limits';
import { badRequest } from './errors';
import type { ScimObject, ScimRequest } from './types';

/** Parses a request body as JSON whatever its Content-Type (Okta's 2016 suite sent none). */
function parseJsonBody(text: string | null): unknown {
  if (text === null || text.trim() === '') throw badRequest('invalidSyntax', 'The request body is empty');
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('invalidSyntax', 'The request body is not valid JSON');
  }
  return checked(value);
}

/** The body parsed, or undefined when it is not JSON (the endpoint then answers 400 as it reads it). */
export function tryParseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function checked(value: unknown): unknown {
  checkBodyShape(value);
  return value;
}

/** The request's body as a JSON object, parsed from its text unless that was done already. */
export function parseJsonObject(req: Pick<ScimRequest, 'body' | 'json'>): ScimObject {
  const v = req.json === undefined ? parseJsonBody(req.body) : checked(req.json);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw badRequest('invalidSyntax', 'The request body must be a JSON object');
  }
  return v as ScimObject;
}
