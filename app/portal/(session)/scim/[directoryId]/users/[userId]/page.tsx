import { UserDetail } from '@/components/users/user-detail';

export default async function Page({ params }: { params: Promise<{ directoryId: string; userId: string }> }) {
  const p = await params;
  return <UserDetail directoryId={p.directoryId} userId={p.userId} />;
}
