import { ScimOverview } from '@/components/scim/scim-overview';

export default function ScimPage() {
  return <ScimOverview />;
}
