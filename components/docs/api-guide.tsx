// The parts of /docs/api that are not one endpoint: embedding the portal and its messages, roles, and webhook
// event types with signature verification (the README says the same at more length).
import { EVENT_TYPES } from '@/lib/events/event-types';

const MESSAGES: [string, string][] = [
  ['portal.loaded', 'the portal opened with a session'],
  ['portal.resize {height}', 'every page, error pages included, when its height changes: size the iframe to it'],
  ['link.used · link.expired · link.invalid · link.error', 'the link cannot open a session: mint a new one'],
  ['session.expiring {expiresAt}', '5 minutes before the 6-hour session ends'],
  ['session.expired {reason: expired | ended | missing}', 'the session is over: mint a new link'],
  ['directory.enabled · directory.disabled {directoryId}', 'the admin switched provisioning on or off'],
];

const VERIFY = `import { Webhook } from 'standardwebhooks';
const wh = new Webhook(process.env.SCIM_PORTAL_WEBHOOK_SECRET); // whsec_…
// headers: webhook-id, webhook-timestamp, webhook-signature; body: the raw text
const event = wh.verify(rawBody, headers); // throws on a bad signature or an old timestamp`;

const code = 'rounded bg-slate-100 px-1 font-mono text-sm';

export function ApiGuide() {
  return (
    <section className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" aria-labelledby="guide-title">
      <h2 id="guide-title" className="text-lg font-semibold text-slate-900">
        Embedding, roles and webhooks
      </h2>
      <p>
        <strong>Embedding.</strong> Mint a link with <code className={code}>POST /organizations/{'{orgId}'}/portal-links</code> (optionally{' '}
        <code className={code}>returnUrl</code>, shown as &ldquo;Back to …&rdquo; standalone) and frame it:{' '}
        <code className={code}>{'<iframe src="{url}" title="Directory sync" style="width:100%;border:0">'}</code>. Your origin must be in{' '}
        <code className={code}>PORTAL_ALLOWED_ORIGINS</code>. The portal posts <code className={code}>{'{source: "scim-portal", type, …}'}</code> to it:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {MESSAGES.map(([m, when]) => (
          <li key={m}>
            <code className={code}>{m}</code>: {when}
          </li>
        ))}
      </ul>
      <p>
        <strong>Roles.</strong> Define them with <code className={code}>POST /roles</code>; customers&apos; admins map groups to them in the portal (or you,
        with <code className={code}>PUT /directories/{'{dirId}'}/role-mappings</code>). A user&apos;s <code className={code}>roles</code> follow at once, with a{' '}
        <code className={code}>directory.user.updated</code> event whose <code className={code}>previousAttributes.roles</code> has the old ones.
      </p>
      <p>
        <strong>Events and webhooks.</strong> Types:{' '}
        {EVENT_TYPES.map((t, i) => (
          <span key={t}>
            {i ? ', ' : ''}
            <code className={code}>{t}</code>
          </span>
        ))}
        . Deliveries are signed as Standard Webhooks specifies; verify each before trusting it:
      </p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{VERIFY}</pre>
    </section>
  );
}
