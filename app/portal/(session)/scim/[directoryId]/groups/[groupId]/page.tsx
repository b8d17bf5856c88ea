import { GroupDetail } from '@/components/groups/group-detail';

export default async function Page({ params }: { params: Promise<{ directoryId: string; groupId: string }> }) {
  const p = await params;
  return <GroupDetail directoryId={p.directoryId} groupId={p.groupId} />;
}
