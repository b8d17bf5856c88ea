import { AttributeMappingView } from '@/components/attributes/attribute-mapping-view';

export default async function Page({ params }: { params: Promise<{ directoryId: string }> }) {
  const p = await params;
  return <AttributeMappingView directoryId={p.directoryId} />;
}
