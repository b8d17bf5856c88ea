// The group writes: Okta's group push adding one member a request and removing it again (on the 10-member group
// and on the big one), POST /Groups and DELETE /Groups. Every add is a user not yet in the group (a seeded non-member
// or a user this pass created), and the remove workload takes back every add handed out, so the groups end the pass
// as they began. A membership change is checked by its status only: the peer's groups never list their members.
import { addMembers, entraCreateGroup, removeMember, seededUserName } from './payloads';
import { sendBatch } from './scim-batch';
import { createWorkload } from './create-workload';
import { deleted, idOf } from './probe';
import type { SeededGroup } from './seeder';
import { SMALL_GROUP_SIZE } from './sizes';
import { authHeaders, originAndBase, type Stage, type Workload, type WorkloadKey } from './workload';

type Which = 'small' | 'big';

const group = (s: Stage, which: Which): SeededGroup => (which === 'small' ? s.seeded.small : s.seeded.big);

/** Users not in the group: the seeded ones past its members, then the ones this pass created. */
function nonMembers(s: Stage, which: Which): { value: string; display: string }[] {
  const g = group(s, which);
  const seeded = s.seeded.userIds.slice(g.members, s.seeded.users).map((value, k) => ({ value, display: seededUserName(g.members + k) }));
  return [...seeded, ...s.createdUsers.map((u) => ({ value: String(u.id), display: String(u.userName) }))];
}

function membership(which: Which): Workload[] {
  const addKey: WorkloadKey = which === 'small' ? 'patch-add-small' : 'patch-add-big';
  const removeKey: WorkloadKey = which === 'small' ? 'patch-remove-small' : 'patch-remove-big';
  const label = (op: string) => `PATCH /Groups/{id} ${op} member (${which === 'small' ? `${SMALL_GROUP_SIZE}-member group` : 'big group'})`;
  const target = (s: Stage) => {
    const { origin, base } = originAndBase(s.dir.endpoint);
    return { origin, path: `${base}/Groups/${group(s, which).id}`, headers: authHeaders(s.dir, true) };
  };
  return [
    {
      key: addKey,
      label: label('add'),
      idp: 'Okta',
      kind: 'write',
      load: (s) => {
        const pool = nonMembers(s, which);
        s.added.set(
          addKey,
          pool.map((m) => m.value),
        );
        const { origin, path, headers } = target(s);
        // Up to `connections` requests a slice are built and never sent: that many pool users are kept in reserve.
        const maxRequests = Math.max(0, pool.length - 2 * s.connections);
        return { origin, method: 'PATCH', headers, maxRequests, request: (i) => ({ path, body: JSON.stringify(addMembers([pool[i % pool.length]])) }) };
      },
    },
    {
      key: removeKey,
      label: label('remove'),
      idp: 'Okta',
      kind: 'write',
      // Every user the add handed out (answered or not): removing a user who never became a member answers 2xx too.
      load: (s) => {
        const pool = s.added.get(addKey) ?? [];
        const { origin, path, headers } = target(s);
        return {
          origin,
          method: 'PATCH',
          headers,
          maxRequests: s.built.get(addKey) ?? 0,
          request: (i) => ({ path, body: JSON.stringify(removeMember(pool[i % pool.length])) }),
        };
      },
      finish: async (s) => {
        const pool = s.added.get(addKey) ?? [];
        const from = s.built.get(removeKey) ?? 0;
        const to = Math.min(pool.length, s.built.get(addKey) ?? 0);
        const path = `/Groups/${group(s, which).id}`;
        await sendBatch(
          s.dir,
          Math.max(0, to - from),
          (k) => ({ method: 'PATCH', path, body: removeMember(pool[from + k]) }),
          () => {},
          s.connections,
        );
      },
    },
  ];
}

export function groupWrites(): Workload[] {
  return [
    ...membership('small'),
    ...membership('big'),
    createWorkload({
      key: 'post-group',
      label: 'POST /Groups',
      idp: 'Okta, Entra',
      resource: 'Groups',
      body: (s, i) => entraCreateGroup(`bench-${s.tag}-g${i}`, i),
      field: 'displayName',
      keep: (s, created) => {
        const id = idOf(created);
        if (id) s.createdGroups.push(id);
      },
    }),
    {
      key: 'delete-group',
      label: 'DELETE /Groups/{id}',
      idp: 'Okta, Entra',
      kind: 'write',
      load: (s) => {
        const { origin, base } = originAndBase(s.dir.endpoint);
        const ids = s.createdGroups;
        return {
          origin,
          method: 'DELETE',
          headers: authHeaders(s.dir, false),
          maxRequests: ids.length,
          request: (i) => ({ path: `${base}/Groups/${ids[i % Math.max(1, ids.length)]}` }),
        };
      },
      probe: async (s) => {
        const id = s.createdGroups.pop();
        return id ? deleted(s.dir, `/Groups/${id}`) : 'POST /Groups created no group to delete';
      },
    },
  ];
}
