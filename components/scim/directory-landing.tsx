'use client';
// /portal/scim/{id}: a directory opens on its overview once its IdP has connected, on the setup guide before.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useDirectory } from '@/lib/client/use-directories';
import { Spinner } from '../ui/spinner';

export function DirectoryLanding({ directoryId }: { directoryId: string }) {
  const dir = useDirectory(directoryId);
  const router = useRouter();
  const target = dir.data ? `/portal/scim/${directoryId}/${dir.data.connectedAt || dir.data.lastRequestAt ? 'overview' : 'setup'}` : null;
  useEffect(() => {
    if (target) router.replace(target);
  }, [target, router]);
  return (
    <div className="flex justify-center py-12">
      <Spinner label="Opening the directory" />
    </div>
  );
}
