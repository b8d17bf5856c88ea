'use client';
// What the host's provisioning policy lets in, as the IT admin needs it beside the users: seats used against the
// limit, the accepted domains, what a deactivation does. Nothing when the policy is the default.
import { usePolicy } from '@/lib/client/use-policy';
import type { ApiPolicy } from '@/lib/schemas/policy';

function leavingText(l: ApiPolicy['leaving']): string | null {
  if (l.mode === 'delete') return 'A user deactivated in your identity provider is deleted at once.';
  if (l.mode === 'delete_after') return `A user deactivated in your identity provider is deleted after ${l.deleteAfterDays} days.`;
  return null;
}

export function PolicySummary() {
  const { data: p } = usePolicy();
  if (!p) return null;
  const leaving = leavingText(p.leaving);
  const full = p.seatLimit !== null && p.seatsUsed >= p.seatLimit;
  if (p.seatLimit === null && p.domains.length === 0 && !leaving) return null;
  return (
    <div className="flex flex-col gap-1 px-4 py-3 text-sm text-slate-700 sm:px-6" aria-label="Provisioning policy" role="group">
      {p.seatLimit !== null ? (
        <p>
          Seats: <strong className={full ? 'text-red-800' : 'text-slate-900'}>{p.seatsUsed.toLocaleString('en-US')}</strong> of{' '}
          {p.seatLimit.toLocaleString('en-US')} used
          {full ? <span className="font-medium text-red-800"> (full: new and reactivated users are refused)</span> : null}
        </p>
      ) : null}
      {p.domains.length ? <p className="break-words">Only users on {p.domains.join(', ')} are accepted.</p> : null}
      {leaving ? <p>{leaving}</p> : null}
    </div>
  );
}
