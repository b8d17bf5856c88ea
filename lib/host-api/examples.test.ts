// The API reference's examples are made from the schemas: every field of a schema appears, with a sample value.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOrganizationInputSchema } from '../schemas/organization';
import { directorySchema } from '../schemas/responses';
import { curlExample, exampleOf } from './examples';

const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Parameters<typeof exampleOf>[0];

describe('examples', () => {
  it('fills every field of a body and an answer', () => {
    expect(exampleOf(json(createOrganizationInputSchema))).toEqual({ name: 'Acme', externalId: 'cust_42' });
    const dir = exampleOf(json(directorySchema)) as Record<string, unknown>;
    expect(Object.keys(dir).sort()).toEqual(Object.keys(directorySchema.shape).sort());
    expect(dir).toMatchObject({ provider: 'okta', health: 'connected', createdAt: expect.stringMatching(/^2026-/) });
  });

  it('writes a curl call with the path filled in and the body', () => {
    expect(curlExample('post', '/organizations/{orgId}/directories', 'https://scim.example.com/api/v1', json(z.object({ provider: z.literal('okta') })))).toBe(
      `curl -X POST 'https://scim.example.com/api/v1/organizations/org_4SgX1vT0xq8d7Lp2aB9c/directories' \\\n  -H "Authorization: Bearer $KEY" \\\n  -H 'Content-Type: application/json' -d '{"provider":"okta"}'`,
    );
  });
});
