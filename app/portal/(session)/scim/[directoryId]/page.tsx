import { DirectoryLanding } from '@/components/scim/directory-landing';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <DirectoryLanding directoryId={p.directoryId} />;
}
