// The audit log's filters: a plain GET form, so a filtered view is a link an operator can share.
import type { AuditFilterView } from '@/lib/operators/audit-page';
import { NOT_LINKS } from '@/lib/operators/audit-page';
import { buttonClass } from '../ui/button';
import { Input, Label, Select } from '../ui/field';

export function AuditFilters({ filter, actors, actions }: { filter: AuditFilterView; actors: { value: string; label: string }[]; actions: readonly string[] }) {
  return (
    <form
      action="/dashboard/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-3 border-b border-slate-200 px-4 py-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end sm:px-6"
    >
      <div>
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={filter.action} className="w-full">
          <option value={NOT_LINKS}>All but portal links</option>
          <option value="all">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-actor">Actor</Label>
        <Select id="audit-actor" name="actor" defaultValue={filter.actor} className="w-full">
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-org">Organization ID</Label>
        <Input id="audit-org" name="organization" defaultValue={filter.organization} placeholder="org_…" />
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        Filter
      </button>
    </form>
  );
}
