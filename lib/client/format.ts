// Dates and durations as the portal shows them; fixed to en-US so screenshots and tests read the same everywhere.
const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

const withSeconds = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' });

/** To the second: requests of one sync cycle arrive within the same minute. */
export function formatSeconds(iso: string | null): string {
  return iso ? withSeconds.format(new Date(iso)) : '—';
}

export function formatRelative(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.round((now - new Date(iso).getTime()) / 1000);
  if (s < 10) return 'just now';
  if (s < 60) return `${s} seconds ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return formatDateTime(iso);
}

/** "5h 59m", "4m", "less than a minute". */
export function formatRemaining(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  const m = Math.floor(ms / 60_000);
  const h = Math.floor(m / 60);
  return h > 0 ? `${h}h ${String(m % 60).padStart(2, '0')}m` : `${m}m`;
}
