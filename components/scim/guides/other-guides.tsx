// Concise guides for OneLogin, JumpCloud, PingIdentity and any other SCIM 2.0 provider.
import type { ProviderKey } from '@/lib/client/types';
import { GuideSteps, Ui, type GuideStep, type StepsDone } from './guide-steps';

const finish: GuideStep = {
  title: 'Map groups to roles and verify',
  body: (
    <p>
      Map groups to roles in the <Ui>Roles</Ui> tab, then check the <Ui>Users</Ui>, <Ui>Groups</Ui> and <Ui>Request log</Ui> tabs.
    </p>
  ),
};

const GUIDES: Record<Exclude<ProviderKey, 'okta' | 'entra'>, GuideStep[]> = {
  onelogin: [
    {
      title: 'Add the SCIM app',
      body: (
        <p>
          In OneLogin, open <Ui>Applications</Ui> → <Ui>Add App</Ui>, search for <Ui>SCIM Provisioner with SAML (SCIM v2 Enterprise)</Ui> and save it.
        </p>
      ),
    },
    {
      title: 'Enter the credentials',
      body: (
        <p>
          On the <Ui>Configuration</Ui> tab, paste the <Ui>Endpoint URL</Ui> into <Ui>SCIM Base URL</Ui> and the <Ui>Bearer Token</Ui> into{' '}
          <Ui>SCIM Bearer Token</Ui>. Click <Ui>Enable</Ui> under API Connection.
        </p>
      ),
    },
    {
      title: 'Turn on provisioning',
      body: (
        <p>
          On the <Ui>Provisioning</Ui> tab, check <Ui>Enable provisioning</Ui> and choose what happens when a user is deleted or suspended (<Ui>Suspend</Ui>{' '}
          deactivates them here). Save.
        </p>
      ),
    },
    {
      title: 'Send groups',
      body: (
        <p>
          On the <Ui>Parameters</Ui> tab, open <Ui>Groups</Ui> and check <Ui>Include in User Provisioning</Ui>. Then assign users through <Ui>Users</Ui> or
          roles.
        </p>
      ),
    },
    finish,
  ],
  jumpcloud: [
    {
      title: 'Add a custom SCIM application',
      body: (
        <p>
          In the JumpCloud admin portal, open <Ui>SSO Applications</Ui> → <Ui>Add New Application</Ui>, choose <Ui>Custom Application</Ui> and enable{' '}
          <Ui>Identity Management</Ui>.
        </p>
      ),
    },
    {
      title: 'Enter the credentials',
      body: (
        <p>
          On the <Ui>Identity Management</Ui> tab, choose <Ui>SCIM 2.0</Ui>, paste the <Ui>Endpoint URL</Ui> into <Ui>Base URL</Ui> and the{' '}
          <Ui>Bearer Token</Ui> into <Ui>Token Key</Ui>. Click <Ui>Test Connection</Ui>, then <Ui>Activate</Ui>.
        </p>
      ),
    },
    {
      title: 'Enable group management',
      body: (
        <p>
          Turn on <Ui>Group Management</Ui> so group membership is sent too, then save.
        </p>
      ),
    },
    {
      title: 'Bind user groups',
      body: (
        <p>
          On the <Ui>User Groups</Ui> tab of the application, select the groups whose members should be provisioned and save.
        </p>
      ),
    },
    finish,
  ],
  pingidentity: [
    {
      title: 'Create a SCIM connection',
      body: (
        <p>
          In PingOne, open <Ui>Integrations</Ui> → <Ui>Provisioning</Ui>, add a <Ui>New Connection</Ui> of type <Ui>Identity Store</Ui> → <Ui>SCIM Outbound</Ui>
          .
        </p>
      ),
    },
    {
      title: 'Enter the credentials',
      body: (
        <p>
          Paste the <Ui>Endpoint URL</Ui> into <Ui>SCIM Base URL</Ui>, choose <Ui>OAuth 2 Bearer Token</Ui> authentication, paste the <Ui>Bearer Token</Ui>, and
          click <Ui>Test Connection</Ui>.
        </p>
      ),
    },
    {
      title: 'Choose what to provision',
      body: (
        <p>
          Allow <Ui>Create</Ui>, <Ui>Update</Ui> and <Ui>Disable</Ui> users. Keep <Ui>userName</Ui> mapped to a unique attribute such as the email address.
        </p>
      ),
    },
    {
      title: 'Add a provisioning rule',
      body: (
        <p>
          Create a <Ui>Rule</Ui> for this connection, pick the users and groups to sync, and enable it.
        </p>
      ),
    },
    finish,
  ],
  generic: [
    {
      title: 'Find the SCIM settings of your provider',
      body: <p>Look for an outbound SCIM 2.0 (RFC 7644) provisioning option in your identity provider&apos;s application settings.</p>,
    },
    {
      title: 'Enter the credentials',
      body: (
        <p>
          Use the <Ui>Endpoint URL</Ui> as the SCIM base URL; it serves <Ui>/Users</Ui>, <Ui>/Groups</Ui>, <Ui>/ServiceProviderConfig</Ui>, <Ui>/Schemas</Ui>{' '}
          and <Ui>/ResourceTypes</Ui>. Send the <Ui>Bearer Token</Ui> as <code className="rounded bg-slate-100 px-1">Authorization: Bearer …</code>.
        </p>
      ),
    },
    {
      title: 'Choose attributes',
      body: (
        <p>
          <Ui>userName</Ui> is required and unique; send <Ui>externalId</Ui>, <Ui>name</Ui>, <Ui>emails</Ui> and <Ui>active</Ui> too. Deactivate people with{' '}
          <Ui>active: false</Ui> (PATCH or PUT) or delete them.
        </p>
      ),
    },
    {
      title: 'Send groups',
      body: (
        <p>
          Create groups with <Ui>displayName</Ui> and <Ui>members</Ui>, and change membership with PATCH add/remove operations.
        </p>
      ),
    },
    finish,
  ],
};

export function OtherGuide({ provider, done }: { provider: Exclude<ProviderKey, 'okta' | 'entra'>; done?: StepsDone }) {
  // The step that enters the credentials is proven by the provider's first authenticated request.
  const steps = (GUIDES[provider] ?? GUIDES.generic).map((s) => (s.title === 'Enter the credentials' ? { ...s, check: 'credentials' as const } : s));
  return <GuideSteps steps={steps} done={done} />;
}
