export default function Home() {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-2xl font-semibold">scim-portal</h1>
      <p className="mt-3 text-slate-600">
        SCIM 2.0 directory sync for your SaaS app. Directories receive provisioning requests at{' '}
        <code className="rounded bg-slate-200 px-1 py-0.5 text-sm">/scim/v2/&#123;directoryId&#125;</code>; the host API lives under{' '}
        <code className="rounded bg-slate-200 px-1 py-0.5 text-sm">/api/v1</code>.
      </p>
    </main>
  );
}
