'use client';
// The step-by-step guide of the directory's IdP, its steps ticked by the live setup check.
import type { PortalDirectory } from '@/lib/client/types';
import { useSetupCheck } from '@/lib/client/use-directories';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EntraGuide } from './guides/entra-guide';
import { OktaGuide } from './guides/okta-guide';
import { OtherGuide } from './guides/other-guides';

export function SetupGuide({ directory }: { directory: PortalDirectory }) {
  const p = directory.provider;
  const check = useSetupCheck(directory.id);
  const done = check.data ? Object.fromEntries(Object.entries(check.data.steps).map(([k, v]) => [k, v.done])) : {};
  return (
    <Card labelledBy="guide-title">
      <CardHeader id="guide-title" title={`Set up ${directory.providerName}`} description="Follow these steps in your identity provider's admin console." />
      <CardBody>
        {p === 'okta' ? (
          <OktaGuide done={done} />
        ) : p === 'entra' ? (
          <EntraGuide endpoint={directory.endpoint} done={done} />
        ) : (
          <OtherGuide provider={p} done={done} />
        )}
      </CardBody>
    </Card>
  );
}
