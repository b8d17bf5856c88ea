// A connection's health in words, the same in the portal and the dashboard (lib/health/directory-health.ts).
import type { HealthState } from '@/lib/health/directory-health';
import { Badge, type BadgeTone } from '../ui/badge';

const HEALTH_LABELS: Record<HealthState, { tone: BadgeTone; label: string }> = {
  waiting: { tone: 'info', label: 'Waiting for the first request' },
  connected: { tone: 'success', label: 'Connected' },
  degraded: { tone: 'danger', label: 'Degraded' },
  silent: { tone: 'warning', label: 'Silent' },
};

export function HealthBadge({ state }: { state: HealthState }) {
  const h = HEALTH_LABELS[state];
  return (
    <Badge tone={h.tone} dot>
      {h.label}
    </Badge>
  );
}
