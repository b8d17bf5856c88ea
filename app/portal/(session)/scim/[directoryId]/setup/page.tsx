import { SetupView } from '@/components/scim/setup-view';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <SetupView directoryId={p.directoryId} />;
}
