// Okta, step by step (mirrors the Okta SCIM guide the portal follows).
import { Alert } from '../../ui/alert';
import { GuideSteps, Ui, type GuideStep } from './guide-steps';

const steps: GuideStep[] = [
  {
    title: 'Create an endpoint and API token',
    body: (
      <p>
        Done: choosing Okta and clicking <Ui>Configure</Ui> generated the <Ui>Endpoint URL</Ui> and <Ui>Bearer Token</Ui> above. Okta sends its
        requests to the endpoint and authenticates them with the token.
      </p>
    ),
  },
  {
    title: 'Add a new application in Okta',
    body: (
      <>
        <p>
          Sign in to the Okta admin dashboard and open <Ui>Applications</Ui> in the main menu. If you have not created a SCIM application before, choose{' '}
          <Ui>Browse App Catalog</Ui>; otherwise pick it from your applications.
        </p>
        <p>
          Search for <Ui>SCIM 2.0 Test App (OAuth Bearer Token)</Ui>, select it and click <Ui>Add Integration</Ui>. Give the app a descriptive name and click{' '}
          <Ui>Next</Ui>.
        </p>
        <p>
          The default sign-on settings suit most applications; add Attribute Statements on the <Ui>Sign-On Options</Ui> page only if you need them. Click{' '}
          <Ui>Done</Ui>.
        </p>
      </>
    ),
  },
  {
    title: 'Enable sending and receiving events in provisioning settings',
    body: (
      <>
        <p>
          In the application, open the <Ui>Provisioning</Ui> tab and click <Ui>Configure API Integration</Ui>, then check <Ui>Enable API integration</Ui>.
        </p>
        <p>
          Paste the <Ui>Endpoint URL</Ui> into the <Ui>SCIM 2.0 Base URL</Ui> field and the <Ui>Bearer Token</Ui> into the <Ui>OAuth Bearer Token</Ui> field.
          Click <Ui>Test API Credentials</Ui>; when Okta reports success, click <Ui>Save</Ui>. The connection status above turns to Connected.
        </p>
        <p>This gives the API integration permission to provision; the Provisioning tab then shows new options, used in the next step.</p>
      </>
    ),
  },
  {
    title: 'Configure provisioning options',
    body: (
      <>
        <p>
          Under <Ui>Provisioning</Ui> → <Ui>To App</Ui>, click <Ui>Edit</Ui> and enable:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Ui>Create Users</Ui>
          </li>
          <li>
            <Ui>Update User Attributes</Ui>
          </li>
          <li>
            <Ui>Deactivate Users</Ui>
          </li>
        </ul>
        <p>
          Click <Ui>Save</Ui>. Okta can now create accounts, keep their details up to date and deactivate them when people leave.
        </p>
      </>
    ),
  },
  {
    title: 'Assign users and groups',
    body: (
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          Open the <Ui>Assignments</Ui> tab.
        </li>
        <li>
          From the <Ui>Assign</Ui> dropdown, choose <Ui>Assign to People</Ui> (or <Ui>Assign to Groups</Ui>).
        </li>
        <li>
          Select the people to provision and click <Ui>Assign</Ui>.
        </li>
        <li>Review each person&apos;s profile fields in the form that opens.</li>
        <li>
          Click <Ui>Save and Go Back</Ui>, repeat for everyone, then click <Ui>Done</Ui>.
        </li>
      </ol>
    ),
  },
  {
    title: 'Push groups and sync group membership',
    body: (
      <>
        <ol className="list-decimal space-y-1 pl-5">
          <li>
            Open the <Ui>Push Groups</Ui> tab.
          </li>
          <li>
            From the <Ui>Push Groups</Ui> dropdown, choose <Ui>Find groups by name</Ui>.
          </li>
          <li>Search for and select the group to push.</li>
          <li>
            Make sure <Ui>Push Immediately</Ui> is checked.
          </li>
          <li>
            Click <Ui>Save</Ui>.
          </li>
        </ol>
        <Alert tone="warning" title="Push groups and group assignments are different things">
          <p>
            Do not use the same group both for assignments and for push groups. If a group is configured in both, its membership may need manual pushes
            to stay accurate.{' '}
            <a
              href="https://help.okta.com/en-us/content/topics/users-groups-profiles/app-assignments-group-push.htm"
              target="_blank"
              rel="noopener noreferrer"
              className="rounded font-medium underline underline-offset-2 focus-ring"
            >
              Okta documentation<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </p>
        </Alert>
      </>
    ),
  },
  {
    title: 'Group based role assignment',
    body: (
      <p>
        To give people roles from their group membership, map groups to roles in the <Ui>Roles</Ui> tab of this directory once Okta has pushed the
        groups.
      </p>
    ),
  },
  {
    title: 'Verify the connection',
    body: (
      <p>
        Check that people and groups arrived in the <Ui>Users</Ui> and <Ui>Groups</Ui> tabs. Every request Okta sends is listed in the{' '}
        <Ui>Request log</Ui> tab.
      </p>
    ),
  },
];

export function OktaGuide() {
  return <GuideSteps steps={steps} />;
}
