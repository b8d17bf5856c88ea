// Examples for the API reference (/docs/api), made from the same JSON Schemas as the OpenAPI document, so an
// example never shows a field the API does not have: a curl call per operation and its answer.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
};

/** Sample values by field name, so examples read like real data. */
const SAMPLES: Record<string, unknown> = {
  id: 'org_4SgX1vT0xq8d7Lp2aB9c',
  organizationId: 'org_4SgX1vT0xq8d7Lp2aB9c',
  directoryId: 'dir_7HfK2mN9pQ4rS1tU6vW3',
  groupId: 'grp_2KdL8nP4qR7sT0uV3wX9',
  name: 'Acme',
  externalId: 'cust_42',
  key: 'admin',
  roleKey: 'admin',
  description: 'Full access',
  provider: 'okta',
  url: 'https://app.example.com/hooks/scim',
  returnUrl: 'https://app.example.com/settings',
  userName: 'alice@acme.example',
  email: 'alice@acme.example',
  givenName: 'Alice',
  familyName: 'Ng',
  displayName: 'Alice Ng',
  token: 'scimp_tok_…',
  secret: 'whsec_…',
  lastFour: 'x7Qa',
  status: 'enabled',
  health: 'connected',
  type: 'directory.user.created',
  nextCursor: null,
};

export function exampleOf(schema: Schema | undefined, field = ''): unknown {
  if (!schema) return null;
  if (field in SAMPLES && (schema.type !== 'object' || !schema.properties)) return SAMPLES[field];
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], field);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v, k)]));
  }
  if (type === 'array') return [exampleOf(schema.items, field.replace(/s$/, ''))];
  if (type === 'integer' || type === 'number') return field === 'expiresInDays' ? 90 : 1;
  if (type === 'boolean') return true;
  if (type === 'string') return /At$/.test(field) ? '2026-12-06T14:08:16.461Z' : field || 'string';
  return null;
}

/** The curl call of an operation, with path parameters filled in. */
export function curlExample(method: string, path: string, base: string, body?: Schema): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, p: string) =>
    String(SAMPLES[p === 'orgId' ? 'organizationId' : p === 'dirId' ? 'directoryId' : p] ?? `${p}_…`),
  );
  const lines = [`curl -X ${method.toUpperCase()} '${base}${filled}'`, `  -H "Authorization: Bearer $KEY"`];
  if (body) lines.push(`  -H 'Content-Type: application/json' -d '${JSON.stringify(exampleOf(body))}'`);
  return lines.join(' \\\n');
}
