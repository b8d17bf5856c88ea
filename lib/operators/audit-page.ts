// What the dashboard's audit page shows: a page of entries for the filters in its query string (action, actor,
// organization, older than a cursor), with actors and organizations named, and the choices its filters offer.
import { AUDIT_ACTIONS, listAudit } from '../audit/audit-log';
import { actorNames, organizationNames } from '../audit/audit-actors';
import { read } from '../db/database';
import { asStr } from '../db/rows';
import { all } from '../db/sql-program';
import { pageOf } from '../directory/keyset';
import { pageCursor, readCursor } from '../schemas/pagination';

const PAGE = 50;
/** The default action filter: everything but portal links, which are most entries. */
export const NOT_LINKS = 'not-portal-links';

export interface AuditFilterView {
  action: string;
  actor: string;
  organization: string;
}

export async function auditPage(hostId: string, query: Record<string, string | undefined>) {
  const filter: AuditFilterView = {
    action: query.action && (query.action === 'all' || (AUDIT_ACTIONS as readonly string[]).includes(query.action)) ? query.action : NOT_LINKS,
    actor: query.actor?.slice(0, 120) ?? '',
    organization: query.organization?.slice(0, 120) ?? '',
  };
  const actions =
    filter.action === NOT_LINKS ? AUDIT_ACTIONS.filter((a) => !a.startsWith('portal_link.')) : filter.action === 'all' ? undefined : [filter.action];
  const rows = await read((env) =>
    listAudit(env, {
      hostId,
      take: PAGE + 1,
      actions,
      actor: filter.actor || undefined,
      organizationId: filter.organization || undefined,
      before: readCursor(query.before),
    }),
  );
  const { rows: page, next } = pageOf(rows, PAGE, (r) => r);
  const { actorsOfPage, orgs } = await read(function* (env) {
    return {
      actorsOfPage: yield* actorNames(
        env,
        hostId,
        page.map((r) => r.actor),
      ),
      orgs: yield* organizationNames(
        env,
        hostId,
        page.map((r) => r.organizationId),
      ),
    };
  });
  const { operators, keys } = await read(function* () {
    return {
      operators: yield* all(`SELECT "id", "email" FROM "Operator" WHERE "hostId" = ? ORDER BY "email"`, [hostId]),
      keys: yield* all(`SELECT "id", "name" FROM "ApiKey" WHERE "hostId" = ? ORDER BY "createdAt" DESC`, [hostId]),
    };
  });
  const older = pageCursor(next);
  const params = (extra: Record<string, string>) => new URLSearchParams(Object.entries({ ...filter, ...extra }).filter(([, v]) => v));
  return {
    filter,
    actions: AUDIT_ACTIONS,
    actorChoices: [
      ...operators.map((o) => ({ value: `operator:${asStr(o.id)}`, label: `Operator ${asStr(o.email)}` })),
      ...keys.map((k) => ({ value: `api-key:${asStr(k.id)}`, label: `API key “${asStr(k.name)}”` })),
      { value: 'cli', label: 'Command line' },
    ],
    rows: page.map((r) => ({
      id: r.id,
      actor: r.actor,
      actorName: actorsOfPage.get(r.actor) ?? r.actor,
      action: r.action,
      target: r.target,
      organizationId: r.organizationId,
      organizationName: r.organizationId ? (orgs.get(r.organizationId) ?? null) : null,
      details: r.details,
      createdAt: r.createdAt.toISOString(),
    })),
    olderHref: older ? `/dashboard/audit?${params({ before: older })}` : null,
  };
}
