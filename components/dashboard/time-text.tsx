// A timestamp as people read it, with the exact ISO value for machines and tooltips.
import { formatDateTime } from '@/lib/client/format';

export function TimeText({ iso, empty = '—' }: { iso: string | null; empty?: string }) {
  if (!iso) return <span className="text-slate-500">{empty}</span>;
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {formatDateTime(iso)}
    </time>
  );
}
