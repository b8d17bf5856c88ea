import { GroupSelectionCard } from '@/components/groups/group-selection-card';
import { GroupsTable } from '@/components/groups/groups-table';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return (
    <>
      <GroupSelectionCard directoryId={p.directoryId} />
      <GroupsTable directoryId={p.directoryId} />
    </>
  );
}
