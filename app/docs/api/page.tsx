// The host API reference, rendered from the same OpenAPI document served at /api/v1/openapi.json.
import { ApiGuide } from '@/components/docs/api-guide';
import { curlExample, exampleOf } from '@/lib/host-api/examples';
import { API_KEY_SCOPE, openApiDocument } from '@/lib/host-api/openapi';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Host API reference · scim-portal' };

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  description?: string;
  anyOf?: Schema[];
};

function typeOf(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object');
}

function Fields({ schema }: { schema?: Schema }) {
  const props = Object.entries(schema?.properties ?? {});
  if (props.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-sm">
      <tbody>
        {props.map(([name, s]) => (
          <tr key={name} className="border-t border-slate-100">
            <td className="py-1 pr-4 font-mono text-slate-900">
              {name}
              {schema?.required?.includes(name) ? '' : '?'}
            </td>
            <td className="py-1 pr-4 font-mono text-slate-600">{typeOf(s)}</td>
            <td className="py-1 text-slate-600">{s.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ApiReference() {
  const doc = openApiDocument();
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
      <p className="mt-2 text-slate-600">
        Organizations, directories, synced users and groups, roles, events and webhooks. Base URL <code className="font-mono">{doc.servers[0].url}</code>;
        authenticate with <code className="font-mono">Authorization: Bearer &lt;API key&gt;</code>. Errors are{' '}
        <code className="font-mono">{'{"error": {"code", "message"}}'}</code>; lists take <code className="font-mono">?limit=&amp;cursor=</code>.
        Machine-readable:{' '}
        <a className="text-blue-700 underline" href="/api/v1/openapi.json">
          openapi.json
        </a>
        .
      </p>
      <p className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <strong>What a key reaches.</strong> {API_KEY_SCOPE} Bodies are limited to 256 KiB (413 beyond), and keys and client addresses to the rate limits in
        SECURITY.md (429 with Retry-After).
      </p>
      <ApiGuide />
      {Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(
          ops as Record<
            string,
            {
              summary: string;
              requestBody?: { content: { 'application/json': { schema: Schema } } };
              responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
            }
          >,
        ).map(([method, op]) => {
          const [status, ok] = Object.entries(op.responses)[0];
          return (
            <section key={`${method} ${path}`} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-mono text-sm">
                <span className="mr-2 rounded bg-slate-900 px-1.5 py-0.5 text-xs font-semibold uppercase text-white">{method}</span>
                {path}
              </h2>
              <p className="mt-1 text-slate-700">{op.summary}</p>
              {op.requestBody ? (
                <div className="mt-2">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Body</h3>
                  <Fields schema={op.requestBody.content['application/json'].schema} />
                </div>
              ) : null}
              <div className="mt-2">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Answer {status}</h3>
                <Fields schema={ok.content?.['application/json'].schema} />
              </div>
              <div className="mt-3 grid gap-2 lg:grid-cols-2">
                <div className="min-w-0">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Example</h3>
                  <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
                    {curlExample(method, path, doc.servers[0].url, op.requestBody?.content['application/json'].schema)}
                  </pre>
                </div>
                <div className="min-w-0">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Answer</h3>
                  <pre className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
                    {ok.content ? JSON.stringify(exampleOf(ok.content['application/json'].schema), null, 2) : `HTTP ${status}, no body`}
                  </pre>
                </div>
              </div>
            </section>
          );
        }),
      )}
    </main>
  );
}
