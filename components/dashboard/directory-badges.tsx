// How a directory is doing, in the portal's words: enabled or disabled, and whether its IdP has connected.
import { Badge } from '../ui/badge';

export function DirectoryStatusBadge({ status }: { status: string }) {
  return status === 'enabled' ? (
    <Badge tone="success">Enabled</Badge>
  ) : (
    <Badge tone="neutral">Disabled</Badge>
  );
}

