import { GroupsTable } from '@/components/groups/groups-table';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <GroupsTable directoryId={p.directoryId} />;
}
