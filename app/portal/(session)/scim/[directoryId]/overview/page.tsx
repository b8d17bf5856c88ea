import { DirectoryOverview } from '@/components/scim/directory-overview';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <DirectoryOverview directoryId={p.directoryId} />;
}
