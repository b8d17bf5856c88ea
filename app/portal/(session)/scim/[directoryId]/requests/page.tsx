import { RequestLog } from '@/components/scim/request-log';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <RequestLog directoryId={p.directoryId} />;
}
