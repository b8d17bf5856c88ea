// How a directory is doing, in the portal's words: enabled or disabled, and whether its IdP has connected.
import type { DirectorySummary } from '@/lib/operators/organization-overview';
import { Badge } from '../ui/badge';

export function DirectoryStatusBadge({ status }: { status: string }) {
  return status === 'enabled' ? (
    <Badge tone="success">Enabled</Badge>
  ) : (
    <Badge tone="neutral">Disabled</Badge>
  );
}

const CONNECTION = {
  connected: { tone: 'success', label: 'Connected' },
  waiting: { tone: 'info', label: 'Waiting for first request' },
  failing: { tone: 'danger', label: 'Failing' },
} as const;

export function ConnectionBadge({ state }: { state: DirectorySummary['connection'] }) {
  const c = CONNECTION[state];
  return (
    <Badge tone={c.tone} dot>
      {c.label}
    </Badge>
  );
}
