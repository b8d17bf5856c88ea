// The PatchOp request body (RFC 7644 §3.5.2) into a typed list of operations; paths parsed once, here.
import { env } from '../../env';
import { tooMany } from '../body-limits';
import { badRequest } from '../errors';
import type { PatchPath } from '../filter/ast';
import { parsePath } from '../filter/parse';
import { findKey, getValue, isScimObject } from '../resources/scim-json';
import { PATCH_OP_URN, type ScimValue } from '../types';

type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: PatchOpName;
  path?: PatchPath;
  /** The path as sent, for error details and the request log. */
  pathText?: string;
  value?: ScimValue;
}

const OPS: ReadonlySet<string> = new Set<PatchOpName>(['add', 'remove', 'replace']);

function parseOperation(raw: ScimValue, i: number): PatchOperation {
  const at = `Operations[${i}]`;
  if (!isScimObject(raw)) throw badRequest('invalidSyntax', `${at} must be an object`);
  const opRaw = getValue(raw, 'op');
  // Entra's default job sends "Add", "Replace", "Remove"; the validator sends lower case.
  const op = typeof opRaw === 'string' ? opRaw.toLowerCase() : '';
  if (!OPS.has(op)) throw badRequest('invalidSyntax', `${at}.op must be "add", "remove" or "replace"`);
  const pathRaw = getValue(raw, 'path');
  if (pathRaw !== undefined && pathRaw !== null && typeof pathRaw !== 'string') {
    throw badRequest('invalidPath', `${at}.path must be a string`);
  }
  const pathText = typeof pathRaw === 'string' && pathRaw.trim() !== '' ? pathRaw.trim() : undefined;
  const valueKey = findKey(raw, 'value');
  const value = valueKey === undefined ? undefined : raw[valueKey];
  if (op === 'remove' && pathText === undefined) {
    throw badRequest('noTarget', `${at}: "remove" requires a path (RFC 7644 §3.5.2.2)`);
  }
  // null is a value only for replace/add of a single attribute (the Logic App's "null update"), so only
  // a missing `value` is refused.
  if (op !== 'remove' && value === undefined) throw badRequest('invalidValue', `${at}: "${op}" requires a value`);
  return {
    op: op as PatchOpName,
    ...(pathText !== undefined ? { path: parsePath(pathText), pathText } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

/** Throws ScimError 400 (invalidSyntax, noTarget, invalidValue, invalidPath) before anything is applied. */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isScimObject(body)) throw badRequest('invalidSyntax', 'The PATCH body must be a JSON object (a PatchOp)');
  const schemas = getValue(body, 'schemas');
  const listed = Array.isArray(schemas) ? schemas : [schemas ?? null];
  if (!listed.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_URN.toLowerCase())) {
    throw badRequest('invalidSyntax', `The PATCH body's schemas must contain "${PATCH_OP_URN}"`);
  }
  const operations = getValue(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', 'The PATCH body must have a non-empty "Operations" array');
  }
  const { maxOperations } = env().scim;
  if (operations.length > maxOperations) throw tooMany('PATCH operations', operations.length, maxOperations, 'SCIM_MAX_OPERATIONS');
  return operations.map(parseOperation);
}
