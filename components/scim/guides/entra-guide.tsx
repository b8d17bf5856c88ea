// Microsoft Entra ID: a non-gallery enterprise application. The Tenant URL needs ?aadOptscim062020, which turns on
// Entra's RFC-compliant SCIM behaviour (PATCH with real booleans, proper `members` removal) instead of its legacy
// shapes; the setup check says when Entra runs without it.
import { CopyField } from '../../ui/copy-field';
import { GuideSteps, Troubleshooting, Ui, type GuideStep, type StepsDone } from './guide-steps';

export function EntraGuide({ endpoint, done }: { endpoint: string; done?: StepsDone }) {
  const tenantUrl = `${endpoint}?aadOptscim062020`;
  const steps: GuideStep[] = [
    {
      title: 'Create a non-gallery enterprise application',
      body: (
        <p>
          In the Microsoft Entra admin center, open <Ui>Enterprise applications</Ui> → <Ui>New application</Ui> → <Ui>Create your own application</Ui>. Name it,
          choose <Ui>Integrate any other application you don&apos;t find in the gallery (Non-gallery)</Ui> and click <Ui>Create</Ui>.
        </p>
      ),
    },
    {
      title: 'Connect provisioning',
      check: 'credentials',
      body: (
        <>
          <p>
            Open <Ui>Provisioning</Ui>, set <Ui>Provisioning Mode</Ui> to <Ui>Automatic</Ui>, and under <Ui>Admin Credentials</Ui> paste:
          </p>
          <CopyField
            label="Tenant URL"
            value={tenantUrl}
            hint="The Endpoint URL with ?aadOptscim062020 appended: keep that suffix, it makes Entra follow the SCIM standard."
          />
          <p>
            Paste the <Ui>Bearer Token</Ui> into <Ui>Secret Token</Ui>, click <Ui>Test Connection</Ui>, then <Ui>Save</Ui>. This step ticks itself when
            Entra&apos;s test request arrives.
          </p>
        </>
      ),
    },
    {
      title: 'Review attribute mappings',
      body: (
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Keep <Ui>userPrincipalName → userName</Ui> as the matching attribute; it must be unique.
          </li>
          <li>
            Map <Ui>objectId → externalId</Ui> so renamed people stay the same user.
          </li>
          <li>
            Entra sends <Ui>active</Ui> from <Ui>Switch([IsSoftDeleted], …)</Ui>: leave it, it is how people are deactivated.
          </li>
          <li>Remove mappings for attributes you do not need (for example phone numbers) to keep requests small.</li>
          <li>
            Under <Ui>Provision Microsoft Entra ID Groups</Ui>, keep <Ui>displayName</Ui>, <Ui>objectId → externalId</Ui> and <Ui>members</Ui>.
          </li>
        </ul>
      ),
    },
    {
      title: 'Assign groups, then start provisioning',
      check: 'user',
      body: (
        <>
          <p>
            In <Ui>Users and groups</Ui>, click <Ui>Add user/group</Ui> and assign the groups whose members should have access. Under <Ui>Provisioning</Ui> →{' '}
            <Ui>Settings</Ui>, set <Ui>Scope</Ui> to <Ui>Sync only assigned users and groups</Ui>, turn <Ui>Provisioning Status</Ui> to <Ui>On</Ui> and click{' '}
            <Ui>Save</Ui>.
          </p>
          <p>
            The first cycle starts within minutes; after it Entra runs a cycle about every 40 minutes (the <Ui>provisioning interval</Ui>, which you cannot
            shorten). <Ui>Provision on demand</Ui> sends one person at once. This step ticks itself when the first person arrives.
          </p>
        </>
      ),
    },
    { title: 'Groups arrive with their members', check: 'group', body: <p>Assigned groups are created here in the same cycle, members included.</p> },
    {
      title: 'Check deactivation',
      check: 'deactivation',
      body: (
        <p>
          Remove a test person from an assigned group: at the next cycle Entra sends <code className="rounded bg-slate-100 px-1">active: false</code> and they
          show as Inactive in the <Ui>Users</Ui> tab.
        </p>
      ),
    },
    {
      title: 'Map groups to roles and verify',
      body: (
        <p>
          Map groups to roles in the <Ui>Roles</Ui> tab, then check the <Ui>Users</Ui>, <Ui>Groups</Ui> and <Ui>Request log</Ui> tabs.
        </p>
      ),
    },
  ];
  return (
    <>
      <GuideSteps steps={steps} done={done} />
      <Troubleshooting
        items={[
          {
            shows: 'Test Connection: “You appear to have entered invalid credentials” (401)',
            fix: 'The Secret Token is wrong, revoked or expired: generate a new token here and paste it into Secret Token.',
          },
          {
            shows: 'Test Connection: “could not connect” or a certificate error',
            fix: 'Entra calls from the internet over HTTPS only: the Tenant URL must be your application’s public https address.',
          },
          {
            shows: 'The application is “in quarantine”',
            fix: 'Most requests of a cycle failed. Open the Request log here to see why (often the token), fix it, then Restart provisioning in Entra.',
          },
          {
            shows: 'Provisioning logs: “Conflict (409)” on a user or group',
            fix: 'One already exists here with that userName or group name; Entra matches by userName, so check the matching attribute in Attribute mappings.',
          },
          {
            shows: 'Nothing arrives for more than an hour',
            fix: 'The connection turns Silent here. Check Provisioning Status is On and that the people are in an assigned group within the scope.',
          },
        ]}
      />
    </>
  );
}
