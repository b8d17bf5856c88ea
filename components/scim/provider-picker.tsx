'use client';
// Step 1 of every guide: choose the IdP, then "Configure" creates the directory with its endpoint and first token.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useConfigureDirectory } from '@/lib/client/use-directories';
import { revealToken } from '@/lib/client/revealed-token';
import type { ProviderKey } from '@/lib/client/types';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cx } from '../ui/cx';
import { ProviderMark } from './provider-logos';

// Descriptions avoid the provider names so each name appears once on the page (clear for people and for tests).
const PROVIDERS: { key: ProviderKey; name: string; description: string }[] = [
  { key: 'okta', name: 'Okta', description: 'Workforce Identity Cloud, SCIM 2.0 app integration' },
  { key: 'entra', name: 'Microsoft Entra ID', description: 'Formerly Azure Active Directory, enterprise application' },
  { key: 'onelogin', name: 'OneLogin', description: 'SCIM provisioner with bearer token' },
  { key: 'jumpcloud', name: 'JumpCloud', description: 'Custom SCIM application, identity management' },
  { key: 'pingidentity', name: 'PingIdentity', description: 'PingOne SCIM outbound provisioning' },
  { key: 'generic', name: 'Custom SCIM', description: 'Any other SCIM 2.0 identity provider' },
];

export function ProviderPicker() {
  const [choice, setChoice] = useState<ProviderKey | null>(null);
  const configure = useConfigureDirectory();
  const router = useRouter();
  const submit = () => {
    if (!choice) return;
    configure.mutate(choice, {
      onSuccess: ({ directory, token }) => {
        revealToken(directory.id, token.token);
        router.push(`/portal/scim/${directory.id}/setup`);
      },
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Directory provider</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {PROVIDERS.map((p) => (
            <label
              key={p.key}
              className={cx(
                'flex cursor-pointer items-start gap-3 rounded-lg border bg-white p-4 transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent',
                choice === p.key ? 'border-accent ring-1 ring-accent' : 'border-slate-200 hover:border-slate-300',
              )}
            >
              <input type="radio" name="provider" value={p.key} checked={choice === p.key} onChange={() => setChoice(p.key)} className="sr-only" />
              <ProviderMark provider={p.key} />
              <span className="min-w-0">
                <span className="block text-sm font-semibold text-slate-900">{p.name}</span>
                <span className="mt-0.5 block text-xs text-slate-600">{p.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {configure.isError ? (
        <Alert tone="danger" className="mt-4" title="The directory could not be created">
          {configure.error.message}
        </Alert>
      ) : null}
      <div className="mt-5 flex items-center gap-3">
        <Button type="submit" disabled={!choice} loading={configure.isPending}>
          Configure
        </Button>
        <p className="text-sm text-slate-600">{choice ? 'Creates an endpoint and a bearer token for this provider.' : 'Choose your provider to continue.'}</p>
      </div>
    </form>
  );
}
