import type { ReactNode } from 'react';
import { DirectoryFrame } from '@/components/scim/directory-frame';

export default async function DirectoryLayout({ children, params }: { children: ReactNode; params: Promise<{ directoryId: string }> }) {
  const { directoryId } = await params;
  return <DirectoryFrame directoryId={directoryId}>{children}</DirectoryFrame>;
}
