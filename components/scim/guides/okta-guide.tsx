'use client';
// Okta, step by step, by either of Okta's two paths: the catalog's "SCIM 2.0 Test App (OAuth Bearer Token)", or an
// app integration of your own with provisioning set to SCIM (Okta's path for a private integration). Each field is
// named as Okta names it; steps the live setup check can prove are ticked.
import { useState } from 'react';
import { Alert } from '../../ui/alert';
import { GuideSteps, Troubleshooting, Ui, type GuideStep, type StepsDone } from './guide-steps';

type Path = 'catalog' | 'private';

const catalogSteps: GuideStep[] = [
  {
    title: 'Add the SCIM 2.0 Test App',
    body: (
      <p>
        In the Okta Admin Console open <Ui>Applications</Ui> → <Ui>Applications</Ui> → <Ui>Browse App Catalog</Ui>, search for{' '}
        <Ui>SCIM 2.0 Test App (OAuth Bearer Token)</Ui>, select it and click <Ui>Add Integration</Ui>. Give it a name your colleagues recognise, click{' '}
        <Ui>Next</Ui>, then <Ui>Done</Ui> (the default sign-on options suit most applications).
      </p>
    ),
  },
  {
    title: 'Connect it to this directory',
    check: 'credentials',
    body: (
      <>
        <p>
          Open the app&apos;s <Ui>Provisioning</Ui> tab, click <Ui>Configure API Integration</Ui> and check <Ui>Enable API integration</Ui>. Paste the{' '}
          <Ui>Endpoint URL</Ui> into <Ui>SCIM 2.0 Base URL</Ui> and the <Ui>Bearer Token</Ui> into <Ui>OAuth Bearer Token</Ui>.
        </p>
        <p>
          Click <Ui>Test API Credentials</Ui>; when Okta says the app was verified, click <Ui>Save</Ui>. This step ticks itself when Okta&apos;s test request
          arrives.
        </p>
      </>
    ),
  },
];

const privateSteps: GuideStep[] = [
  {
    title: 'Create an app integration with SCIM provisioning',
    body: (
      <>
        <p>
          In the Okta Admin Console open <Ui>Applications</Ui> → <Ui>Applications</Ui> → <Ui>Create App Integration</Ui>, choose the sign-in method your
          application uses (<Ui>SAML 2.0</Ui> or <Ui>OIDC - OpenID Connect</Ui>) and finish the wizard.
        </p>
        <p>
          On the app&apos;s <Ui>General</Ui> tab, under <Ui>App Settings</Ui>, click <Ui>Edit</Ui>, set <Ui>Provisioning</Ui> to <Ui>SCIM</Ui> and click{' '}
          <Ui>Save</Ui>. A <Ui>Provisioning</Ui> tab appears.
        </p>
      </>
    ),
  },
  {
    title: 'Connect it to this directory',
    check: 'credentials',
    body: (
      <>
        <p>
          On the <Ui>Provisioning</Ui> tab, under <Ui>Integration</Ui>, click <Ui>Edit</Ui> and fill in:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Ui>SCIM connector base URL</Ui>: the <Ui>Endpoint URL</Ui>
          </li>
          <li>
            <Ui>Unique identifier field for users</Ui>: <code className="rounded bg-slate-100 px-1">userName</code>
          </li>
          <li>
            <Ui>Supported provisioning actions</Ui>: <Ui>Push New Users</Ui>, <Ui>Push Profile Updates</Ui> and <Ui>Push Groups</Ui> (add{' '}
            <Ui>Import New Users and Profile Updates</Ui> if you want Okta to read what is here)
          </li>
          <li>
            <Ui>Authentication Mode</Ui>: <Ui>HTTP Header</Ui>, and under <Ui>Authorization</Ui> paste the <Ui>Bearer Token</Ui>
          </li>
        </ul>
        <p>
          Click <Ui>Test Connector Configuration</Ui>: Okta lists what it found; close it and click <Ui>Save</Ui>. This step ticks itself when Okta&apos;s test
          request arrives.
        </p>
      </>
    ),
  },
];

const commonSteps: GuideStep[] = [
  {
    title: 'Choose what Okta may do, and leave password sync off',
    body: (
      <>
        <p>
          Under <Ui>Provisioning</Ui> → <Ui>To App</Ui>, click <Ui>Edit</Ui> and enable <Ui>Create Users</Ui>, <Ui>Update User Attributes</Ui> and{' '}
          <Ui>Deactivate Users</Ui>. Click <Ui>Save</Ui>.
        </p>
        <p>
          Leave <Ui>Sync Password</Ui> off: this application never uses passwords, and the setup check warns when Okta sends them.
        </p>
      </>
    ),
  },
  {
    title: 'Assign people by group',
    check: 'user',
    body: (
      <>
        <p>
          On the <Ui>Assignments</Ui> tab, click <Ui>Assign</Ui> → <Ui>Assign to Groups</Ui>, click <Ui>Assign</Ui> next to each group whose members should have
          access, then <Ui>Done</Ui>. People then come and go with their group membership in Okta: nobody has to be added one by one.
        </p>
        <p>Okta creates each member here at once; this step ticks itself when the first one arrives.</p>
      </>
    ),
  },
  {
    title: 'Push the same groups',
    check: 'group',
    body: (
      <>
        <p>
          Assignment sends people, not the groups themselves. On the <Ui>Push Groups</Ui> tab, click <Ui>Push Groups</Ui> → <Ui>Find groups by name</Ui>, choose
          each assigned group, keep <Ui>Push Immediately</Ui> checked and click <Ui>Save</Ui>.
        </p>
        <Alert tone="info" title="Push a group, do not assign it twice">
          <p>
            Pushing a group keeps its membership here up to date; roles follow it. Do not create a second group in Okta for the push: push the one you assigned.
          </p>
        </Alert>
      </>
    ),
  },
  {
    title: 'Check deactivation',
    check: 'deactivation',
    body: (
      <p>
        Remove a test person from an assigned group (or deactivate them in Okta): Okta sends <code className="rounded bg-slate-100 px-1">active: false</code>{' '}
        and they show as Inactive in the <Ui>Users</Ui> tab. Okta never deletes people; this step ticks itself when the first deactivation arrives.
      </p>
    ),
  },
  {
    title: 'Map groups to roles',
    body: (
      <p>
        In the <Ui>Roles</Ui> tab, map the pushed groups to roles, preview who changes, and save. Every request Okta sends is in the <Ui>Request log</Ui>.
      </p>
    ),
  },
];

const troubleshooting = [
  {
    shows: '“Error authenticating: … 401 Unauthorized” when testing, or tasks failing with 401',
    fix: 'The token Okta holds is wrong, revoked or expired. Generate a new token here and paste it again (OAuth Bearer Token, or Authorization under HTTP Header).',
  },
  {
    shows: '“Could not connect”, “connection refused” or an SSL / certificate error',
    fix: 'Okta calls from the internet over HTTPS. The Endpoint URL must be your application’s public https address; ask your application’s team.',
  },
  {
    shows: '“Conflict (409)” or “userName already exists” on a user',
    fix: 'Someone with that userName is already here. Okta looks people up by userName first and links them; if it persists, check Unique identifier field for users is userName.',
  },
  {
    shows: '“403 Forbidden: This directory is disabled”',
    fix: 'The directory was disabled here. Enable it (the switch at the top), then retry the failed tasks in Okta (Dashboard → Tasks).',
  },
  {
    shows: '“400 Bad Request” on a push, with a reason',
    fix: 'Open the Request log, find the person or group, and read the request and the answer: the reason names the attribute to fix in Okta’s mappings.',
  },
  {
    shows: 'A pushed group shows “Push error” or “not found”',
    fix: 'The group was deleted here. In Push Groups, choose the group and Push Now (or unlink it and push it again).',
  },
];

export function OktaGuide({ done }: { done?: StepsDone }) {
  const [path, setPath] = useState<Path>('catalog');
  return (
    <>
      <fieldset className="mb-6">
        <legend className="text-sm font-medium text-slate-800">Which Okta app will you use?</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {[
            { key: 'catalog' as const, label: 'SCIM 2.0 Test App (OAuth Bearer Token)', hint: 'From the app catalog: quickest' },
            { key: 'private' as const, label: 'My own app integration', hint: 'Provisioning set to SCIM (private integration)' },
          ].map((o) => (
            <label
              key={o.key}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${path === o.key ? 'border-accent ring-1 ring-accent' : 'border-slate-200'}`}
            >
              <input type="radio" name="okta-path" checked={path === o.key} onChange={() => setPath(o.key)} className="mt-1" />
              <span className="min-w-0 text-sm">
                <span className="block font-semibold text-slate-900">{o.label}</span>
                <span className="block text-xs text-slate-600">{o.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <GuideSteps steps={[...(path === 'catalog' ? catalogSteps : privateSteps), ...commonSteps]} done={done} />
      <Troubleshooting items={troubleshooting} />
    </>
  );
}
