'use client';
// The Setup tab: the live checklist, connection status, credentials, the IdP guide and the tokens.
import { useDirectory } from '@/lib/client/use-directories';
import { ConnectionCard } from './connection-card';
import { CredentialsCard } from './credentials-card';
import { SetupChecklist } from './setup-checklist';
import { SetupGuide } from './setup-guide';
import { TokenList } from './token-list';

export function SetupView({ directoryId }: { directoryId: string }) {
  const dir = useDirectory(directoryId);
  if (!dir.data) return null;
  return (
    <div className="space-y-6 pt-2">
      <SetupChecklist directory={dir.data} />
      <ConnectionCard directoryId={directoryId} />
      <CredentialsCard directoryId={directoryId} endpoint={dir.data.endpoint} />
      <SetupGuide directory={dir.data} />
      <TokenList directoryId={directoryId} />
    </div>
  );
}
