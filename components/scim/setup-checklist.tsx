'use client';
// The live setup check: a checklist that ticks itself as the IdP's real requests arrive, and what the requests
// say is wrong (lib/portal/setup-check.ts). Polled until every step is done.
import type { DiagnosisId, PortalDirectory, SetupCheck, SetupStepId } from '@/lib/client/types';
import { formatRelative } from '@/lib/client/format';
import { useSetupCheck } from '@/lib/client/use-directories';
import { Alert, type AlertTone } from '../ui/alert';
import { Card, CardBody, CardHeader } from '../ui/card';
import { QueryState } from '../ui/query-state';

const TEST: Record<string, string> = {
  okta: 'Okta tested the credentials (Test API Credentials, or Test Connector Configuration)',
  entra: 'Entra tested the connection (Test Connection)',
};

function stepLabels(provider: string): Record<SetupStepId, string> {
  return {
    credentials: TEST[provider] ?? 'Your identity provider connected with the token',
    user: 'The first user was created',
    group: provider === 'okta' ? 'The first group was pushed' : 'The first group arrived',
    deactivation: 'A deactivation was seen (someone unassigned or deactivated)',
  };
}

const DIAGNOSES: Record<DiagnosisId, { tone: AlertTone; title: string; body: (provider: string) => string }> = {
  not_public_https: {
    tone: 'danger',
    title: 'This endpoint is not public HTTPS',
    body: () =>
      'Okta and Microsoft Entra ID call from the internet and only over HTTPS: an http:// or internal address never receives their requests. Ask your application for its public https address.',
  },
  password_sync: {
    tone: 'warning',
    title: 'Your identity provider is sending passwords',
    body: (p) =>
      p === 'okta'
        ? 'Turn off Sync Password under Provisioning → To App in Okta: this application never uses them (they are not stored).'
        : 'Turn off password synchronisation in your identity provider: this application never uses passwords (they are not stored).',
  },
  entra_without_flag: {
    tone: 'warning',
    title: 'Entra is running without the aadOptscim062020 flag',
    body: () =>
      "Its requests use Entra's older PATCH shapes. Set the Tenant URL to the one shown in the guide (ending in ?aadOptscim062020), then Save: changes are then sent as the SCIM standard says.",
  },
  no_groups: {
    tone: 'info',
    title: 'People arrive, but no group yet',
    body: (p) =>
      p === 'okta'
        ? 'Push the groups you assigned (Push Groups tab in Okta) so that roles can follow group membership.'
        : 'Assign groups to the application in your identity provider so that roles can follow group membership.',
  },
  missing_email: {
    tone: 'warning',
    title: 'Some people arrive without an email address',
    body: () => "Map an email attribute (emails, type work) in your identity provider's attribute mappings.",
  },
  missing_name: {
    tone: 'warning',
    title: 'Some people arrive without a family name',
    body: () => "Map name.givenName and name.familyName in your identity provider's attribute mappings.",
  },
};

function Check({ done }: { done: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={
        done ? 'grid size-5 shrink-0 place-items-center rounded-full bg-emerald-600 text-white' : 'size-5 shrink-0 rounded-full border-2 border-slate-300'
      }
    >
      {done ? (
        <svg viewBox="0 0 16 16" className="size-3" fill="none" stroke="currentColor" strokeWidth="2.5">
          <path d="m3.5 8.5 3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      ) : null}
    </span>
  );
}

export function Diagnoses({ check, provider }: { check: SetupCheck; provider: string }) {
  if (check.diagnoses.length === 0) return null;
  return (
    <div className="space-y-2">
      {check.diagnoses.map((id) => (
        <Alert key={id} tone={DIAGNOSES[id].tone} title={DIAGNOSES[id].title}>
          <p>{DIAGNOSES[id].body(provider)}</p>
        </Alert>
      ))}
    </div>
  );
}

export function SetupChecklist({ directory }: { directory: PortalDirectory }) {
  const q = useSetupCheck(directory.id);
  const labels = stepLabels(directory.provider);
  return (
    <Card labelledBy="checklist-title">
      <CardHeader id="checklist-title" title="Setup progress" description="Ticks itself as your identity provider's requests arrive." />
      <CardBody className="space-y-4">
        <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} label="Checking the setup">
          {q.data ? (
            <>
              <ul className="space-y-2" aria-label="Setup steps">
                {(Object.keys(labels) as SetupStepId[]).map((id) => {
                  const s = q.data.steps[id];
                  return (
                    <li key={id} className="flex items-start gap-3 text-sm">
                      <Check done={s.done} />
                      <span className={s.done ? 'text-slate-900' : 'text-slate-700'}>
                        {labels[id]}
                        <span className="sr-only">{s.done ? ': done' : ': not yet'}</span>
                        {s.at ? <span className="text-slate-600"> · {formatRelative(s.at)}</span> : null}
                      </span>
                    </li>
                  );
                })}
              </ul>
              <Diagnoses check={q.data} provider={directory.provider} />
            </>
          ) : null}
        </QueryState>
      </CardBody>
    </Card>
  );
}
