// The host's user fields the http tier declares: the app's host is shared by the files running at once, so they all
// declare this one list (host-fields.test.ts removes `seats` for a moment in one of its tests).
import type { AppTarget } from '../setup/app-server';
import { api } from './harness';

export const HOSTAPP_URN = 'urn:ietf:params:scim:schemas:extension:hostapp:2.0:User';
export const HOSTAPP_FIELDS = [
  { key: 'licenceTier', label: 'Licence tier', type: 'string', required: true, default: 'free', indexed: true },
  { key: 'seats', label: 'Seats', type: 'number', indexed: true },
  { key: 'isContractor', label: 'Contractor', type: 'boolean' },
  { key: 'startDate', label: 'Start date', type: 'dateTime' },
  { key: 'skills', label: 'Skills', type: 'stringList' },
];

/** Declares the fields unless a test file did already (a second PUT could undo host-fields.test.ts's removal). */
export async function ensureHostFields(t: AppTarget): Promise<void> {
  if ((await (await api(t, 'GET', '/user-schema')).json()).slug !== null) return;
  const r = await api(t, 'PUT', '/user-schema', { slug: 'hostapp', fields: HOSTAPP_FIELDS });
  if (r.status !== 200) throw new Error(`PUT /user-schema: ${r.status} ${await r.text()}`);
}
