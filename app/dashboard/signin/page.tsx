// GET /dashboard/signin: operator sign-in. Signed-in operators go straight on; with no operator at all yet, the page
// says how to create the first one (there is deliberately no sign-up).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/dashboard/signin-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { currentOperator, operatorsExist, safeCallbackPath } from '@/lib/operators/session';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackPath(callbackUrl ? pathOf(callbackUrl) : undefined);
  if (await currentOperator()) redirect(destination);
  const noOperators = !(await operatorsExist());
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6 flex items-center gap-3">
        <span aria-hidden="true" className="grid size-9 place-items-center rounded-md bg-slate-900 text-sm font-bold text-white">
          S
        </span>
        <div>
          <h1 className="text-lg font-semibold text-slate-900">Sign in to the operator dashboard</h1>
          <p className="text-sm text-slate-600">scim-portal</p>
        </div>
      </div>
      <Card as="div">
        <CardBody>
          <SignInForm callbackUrl={destination} initialError={error ?? null} />
        </CardBody>
      </Card>
      {noOperators ? (
        <Alert tone="info" title="No operator account exists yet" className="mt-4">
          <p>Create the first one on the server:</p>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-white/70 p-2 font-mono text-xs">
            npm run --silent cli -- operators create --email admin@example.com
          </pre>
          <p>It reads the password (at least 12 characters, not a common one) from OPERATOR_PASSWORD or asks for it.</p>
        </Alert>
      ) : null}
    </main>
  );
}

/** next-auth passes an absolute callbackUrl; only its path is ever used. */
function pathOf(url: string): string | undefined {
  try {
    return new URL(url, 'http://x').pathname;
  } catch {
    return undefined;
  }
}
