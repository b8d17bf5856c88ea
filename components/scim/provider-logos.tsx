// Simple lettermarks for the IdPs (their real logos are trademarks the portal does not ship).
import type { ProviderKey } from '@/lib/client/types';

const MARKS: Record<ProviderKey, { text: string; bg: string }> = {
  okta: { text: 'O', bg: 'bg-slate-900' },
  entra: { text: 'E', bg: 'bg-sky-700' },
  onelogin: { text: '1', bg: 'bg-slate-700' },
  jumpcloud: { text: 'J', bg: 'bg-teal-700' },
  pingidentity: { text: 'P', bg: 'bg-rose-700' },
  generic: { text: '{ }', bg: 'bg-violet-700' },
};

export function ProviderMark({ provider }: { provider: ProviderKey }) {
  const m = MARKS[provider] ?? MARKS.generic;
  return (
    <span aria-hidden="true" className={`grid size-9 shrink-0 place-items-center rounded-md text-sm font-bold text-white ${m.bg}`}>
      {m.text}
    </span>
  );
}
