// The organizations list: a search (name, externalId or id), one row per organization with its directories'
// health, and pages of 20 with the total.
import Link from 'next/link';
import type { OrganizationSummary } from '@/lib/operators/organization-overview';
import { HealthBadge } from '../scim/health-badge';
import { Badge } from '../ui/badge';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { Input } from '../ui/field';
import { Table, TBody, THead, Td, Th } from '../ui/table';
import { TimeText } from './time-text';

const pageHref = (q: string, page: number) => `/dashboard?${new URLSearchParams({ ...(q ? { q } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;

export function OrganizationsTable({
  q,
  organizations,
  total,
  page,
  pages,
}: {
  q: string;
  organizations: OrganizationSummary[];
  total: number;
  page: number;
  pages: number;
}) {
  return (
    <Card labelledBy="orgs-title">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-6">
        <div>
          <h2 id="orgs-title" className="text-base font-semibold text-slate-900">
            All organizations
          </h2>
          <p className="text-sm text-slate-600" aria-live="polite">
            {total.toLocaleString('en-US')} {q ? `matching “${q}”` : total === 1 ? 'organization' : 'organizations'}
          </p>
        </div>
        <form role="search" action="/dashboard" className="flex w-full gap-2 sm:w-auto">
          <label htmlFor="org-search" className="sr-only">
            Search organizations
          </label>
          <Input id="org-search" name="q" type="search" defaultValue={q} placeholder="Name, external ID or org_…" className="sm:w-72" />
          <button type="submit" className={buttonClass('secondary')}>
            Search
          </button>
        </form>
      </div>
      {organizations.length === 0 ? (
        <EmptyState
          title={q ? `No organization matches “${q}”` : 'No organizations yet'}
          description={
            q ? 'Search looks in names (any part), and at exact external IDs and ids.' : 'Create one above, or from your app with POST /api/v1/organizations.'
          }
        />
      ) : (
        <Table caption="Organizations">
          <THead>
            <Th>Organization</Th>
            <Th>Directories</Th>
            <Th className="hidden sm:table-cell">Created</Th>
          </THead>
          <TBody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <Td className="min-w-0">
                  <Link
                    href={`/dashboard/organizations/${o.id}`}
                    className="break-words rounded font-medium text-slate-900 underline-offset-4 hover:underline focus-ring"
                  >
                    {o.name}
                  </Link>
                  <span className="block break-all font-mono text-xs text-slate-600">{o.externalId ? `${o.externalId} · ${o.id}` : o.id}</span>
                </Td>
                <Td>
                  {o.directories.length === 0 ? (
                    <span className="text-sm text-slate-600">None yet</span>
                  ) : (
                    <ul className="space-y-1">
                      {o.directories.map((d) => (
                        <li key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
                          <span className="text-slate-800">{d.name}</span>
                          {d.status === 'enabled' ? <HealthBadge state={d.connection} /> : <Badge>Disabled</Badge>}
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
                <Td className="hidden sm:table-cell">
                  <TimeText iso={o.createdAt} />
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {pages > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
          <span>
            Page {page} of {pages.toLocaleString('en-US')}
          </span>
          <span className="flex gap-2">
            {page > 1 ? (
              <Link href={pageHref(q, page - 1)} className={buttonClass('secondary', 'sm')}>
                Previous
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={pageHref(q, page + 1)} className={buttonClass('secondary', 'sm')}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </Card>
  );
}
