import { RolesView } from '@/components/roles/roles-view';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <RolesView directoryId={p.directoryId} />;
}
