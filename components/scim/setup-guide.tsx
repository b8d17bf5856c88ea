// The step-by-step guide of the directory's IdP.
import type { PortalDirectory } from '@/lib/client/types';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EntraGuide } from './guides/entra-guide';
import { OktaGuide } from './guides/okta-guide';
import { OtherGuide } from './guides/other-guides';

export function SetupGuide({ directory }: { directory: PortalDirectory }) {
  const p = directory.provider;
  return (
    <Card labelledBy="guide-title">
      <CardHeader id="guide-title" title={`Set up ${directory.providerName}`} description="Follow these steps in your identity provider's admin console." />
      <CardBody>
        {p === 'okta' ? <OktaGuide /> : p === 'entra' ? <EntraGuide endpoint={directory.endpoint} /> : <OtherGuide provider={p} />}
      </CardBody>
    </Card>
  );
}
