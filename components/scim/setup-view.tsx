'use client';
// The Setup tab: connection status, credentials, tokens and the IdP guide.
import { useDirectory } from '@/lib/client/use-directories';
import { ConnectionCard } from './connection-card';
import { CredentialsCard } from './credentials-card';
import { SetupGuide } from './setup-guide';
import { TokenList } from './token-list';

export function SetupView({ directoryId }: { directoryId: string }) {
  const dir = useDirectory(directoryId);
  if (!dir.data) return null;
  return (
    <div className="space-y-6 pt-2">
      <ConnectionCard directoryId={directoryId} />
      <CredentialsCard directoryId={directoryId} endpoint={dir.data.endpoint} />
      <SetupGuide directory={dir.data} />
      <TokenList directoryId={directoryId} />
    </div>
  );
}
