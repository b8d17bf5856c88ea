import { UsersTable } from '@/components/users/users-table';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <UsersTable directoryId={p.directoryId} />;
}
