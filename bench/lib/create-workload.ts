// A POST workload (users or groups): the i-th request creates a resource of its own, and every created resource is
// kept for the workloads after it (PUT, PATCH, DELETE). Its probe creates one and reads it back.
import type { JsonObject } from './payloads';
import { ask, holds, idOf, status } from './probe';
import { authHeaders, originAndBase, type Stage, type Workload, type WorkloadKey } from './workload';

interface Create {
  key: WorkloadKey;
  label: string;
  idp: string;
  resource: 'Users' | 'Groups';
  /** The i-th request's body; the probe sends body(s, -1). */
  body: (s: Stage, i: number) => JsonObject;
  /** The attribute a GET of the created resource must give back as sent. */
  field: 'userName' | 'displayName';
  keep: (s: Stage, created: JsonObject) => void;
}

export function createWorkload(c: Create): Workload {
  return {
    key: c.key,
    label: c.label,
    idp: c.idp,
    kind: 'write',
    load: (s) => {
      const { origin, base } = originAndBase(s.dir.endpoint);
      return {
        origin,
        method: 'POST',
        headers: authHeaders(s.dir, true),
        request: (i) => ({ path: `${base}/${c.resource}`, body: JSON.stringify(c.body(s, i)) }),
        onAnswer: (code, body) => {
          if (code !== 201) return;
          try {
            c.keep(s, JSON.parse(body) as JsonObject);
          } catch {
            /* counted as answered; the resource is not reused */
          }
        },
      };
    },
    probe: async (s) => {
      const sent = c.body(s, -1);
      const created = await ask(s.dir, 'POST', `/${c.resource}`, sent);
      const id = idOf(created.body);
      if (status(created, 201) || !id) return `POST ${status(created, 201) ?? 'answered no id'}`;
      return holds(await ask(s.dir, 'GET', `/${c.resource}/${id}`), [[[c.field], sent[c.field] ?? null]], true);
    },
  };
}
