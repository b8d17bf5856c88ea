// The dashboard's trust boundary for pages and server actions: a next-auth session whose operator still exists.
// Everything downstream is scoped to the returned operator's hostId.
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions, SIGN_IN_PATH } from './auth-options';
import { countOperators, type Operator } from './operators';

/**
 * The signed-in operator, or null; read once per request (React cache) however many components ask. next-auth's
 * jwt callback (auth-options.ts) has looked the session row up: a session that was ended reads as none.
 */
export const currentOperator = cache(async (): Promise<Operator | null> => {
  const session = await getServerSession<typeof authOptions, { operator?: Operator }>(authOptions);
  const o = session?.operator;
  return o && typeof o.id === 'string' && typeof o.hostId === 'string' ? o : null;
});

/** For pages: the operator, or a redirect to the sign-in page. */
export async function requireOperator(): Promise<Operator> {
  const operator = await currentOperator();
  if (!operator) redirect(SIGN_IN_PATH);
  return operator;
}

/** Whether any operator exists: with none, the sign-in page says how to create the first. */
export async function operatorsExist(): Promise<boolean> {
  return (await countOperators()) > 0;
}

/** Only same-site dashboard paths may be a post-sign-in destination (no open redirect). */
export function safeCallbackPath(value: string | undefined): string {
  return value && /^\/dashboard(\/[\w\-/]*)?$/.test(value) && !value.startsWith(SIGN_IN_PATH) ? value : '/dashboard';
}
