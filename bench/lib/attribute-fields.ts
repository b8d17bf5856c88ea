// The host's user field the attribute workloads use (issue 18): `costCenter`, sent by the IdP under the host's
// extension (`cc-{n}`), beside a `title` (`Title {n}`) on every seeded user, so each value names one user.
import type { JsonObject } from './payloads';
import { hostApi, type HostApi } from './scim-client';

export const FIELD_URN = 'urn:ietf:params:scim:schemas:extension:bench:2.0:User';
export const FIELD = 'costCenter';

/** What a seeded user carries besides Okta's create body when an attribute workload runs. */
export const fieldExtras = (n: number): JsonObject => ({ title: `Title ${n}`, [FIELD_URN]: { [FIELD]: `cc-${n}` } });

export const titleOf = (n: number) => `Title ${n}`;
export const costCenterOf = (n: number) => `cc-${n}`;

/** The attribute workloads: run only when named in --workloads (they declare a host field before seeding). */
const ATTRIBUTE_WORKLOADS = ['filter-title', 'filter-field', 'filter-custom', 'remap'] as const;

export const wantsAttributes = (only: ReadonlySet<string> | null) => !!only && ATTRIBUTE_WORKLOADS.some((k) => only.has(k));

/** Declares the field through the host API, with or without its index (PUT /user-schema), and waits for the index. */
export async function declareField(host: HostApi, indexed: boolean): Promise<void> {
  let schema = await hostApi(host, 'PUT', '/user-schema', { slug: 'bench', fields: [{ key: FIELD, label: 'Cost center', type: 'string', indexed }] });
  // The app builds the index after its answer, in the background: measure once it is ready.
  const states = () => (schema.indexes ?? []) as { status: string }[];
  for (let i = 0; states().some((x) => x.status !== 'ready'); i++) {
    if (i === 600 || states().some((x) => x.status === 'failed'))
      throw new Error(`the ${FIELD} index is not ready (5 minutes at most): ${JSON.stringify(schema.indexes)}`);
    await new Promise((r) => setTimeout(r, 500));
    schema = await hostApi(host, 'GET', '/user-schema');
  }
}
