// Microsoft Entra ID: the Tenant URL needs ?aadOptscim062020, which turns on Entra's RFC-compliant SCIM behaviour
// (PATCH with real booleans, proper `members` removal) instead of its legacy quirks.
import { CopyField } from '../../ui/copy-field';
import { GuideSteps, Ui, type GuideStep } from './guide-steps';

export function EntraGuide({ endpoint }: { endpoint: string }) {
  const tenantUrl = `${endpoint}?aadOptscim062020`;
  const steps: GuideStep[] = [
    {
      title: 'Create an enterprise application',
      body: (
        <p>
          In the Microsoft Entra admin center, open <Ui>Enterprise applications</Ui> → <Ui>New application</Ui> → <Ui>Create your own application</Ui>.
          Name it, choose <Ui>Integrate any other application you don&apos;t find in the gallery (Non-gallery)</Ui> and click <Ui>Create</Ui>.
        </p>
      ),
    },
    {
      title: 'Connect provisioning',
      body: (
        <>
          <p>
            Open <Ui>Provisioning</Ui>, set <Ui>Provisioning Mode</Ui> to <Ui>Automatic</Ui>, and under <Ui>Admin Credentials</Ui> paste:
          </p>
          <CopyField label="Tenant URL" value={tenantUrl} hint="The Endpoint URL with ?aadOptscim062020 appended: keep that suffix, it makes Entra follow the SCIM standard." />
          <p>
            Paste the <Ui>Bearer Token</Ui> into <Ui>Secret Token</Ui>, click <Ui>Test Connection</Ui>, then <Ui>Save</Ui>.
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
      title: 'Assign users and groups, then start provisioning',
      body: (
        <p>
          In <Ui>Users and groups</Ui>, assign who should be provisioned. Set <Ui>Scope</Ui> to <Ui>Sync only assigned users and groups</Ui>, turn{' '}
          <Ui>Provisioning Status</Ui> to <Ui>On</Ui> and save. Entra runs a cycle about every 40 minutes; <Ui>Provision on demand</Ui> tests one person
          at once.
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
  return <GuideSteps steps={steps} />;
}
