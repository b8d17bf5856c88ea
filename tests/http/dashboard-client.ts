// Operator sign-in over plain HTTP, as the sign-in form does it through next-auth: its CSRF token and cookie, then
// the credentials callback. Returns next-auth's verdict and the cookies to send afterwards.
import { cli, recordSecret, type AppTarget } from '../setup/app-server';

export function createOperator(databaseUrl: string, email: string, password: string): void {
  recordSecret(password);
  const previous = process.env.OPERATOR_PASSWORD;
  process.env.OPERATOR_PASSWORD = password;
  try {
    cli(databaseUrl, ['operators', 'create', '--email', email]);
  } finally {
    if (previous === undefined) delete process.env.OPERATOR_PASSWORD;
    else process.env.OPERATOR_PASSWORD = previous;
  }
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]);

/** 'ok' or next-auth's error code (CredentialsSignin, TooManyAttempts), and the cookie header to go on with. */
export async function signIn(app: AppTarget, email: string, password: string, address?: string): Promise<{ result: string; cookie: string }> {
  const headers: Record<string, string> = address ? { 'X-Forwarded-For': address } : {};
  const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, Cookie: cookiesOf(csrf).join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
  });
  const { url } = (await res.json()) as { url: string };
  const cookie = [...cookiesOf(csrf), ...cookiesOf(res)].filter((c) => !c.endsWith('=')).join('; ');
  return { result: new URL(url).searchParams.get('error') ?? 'ok', cookie };
}

/** The operator the cookie's session belongs to, as next-auth's session endpoint reads it (null: no session). */
export async function sessionOperator(app: AppTarget, cookie: string): Promise<string | null> {
  const body = (await (await fetch(`${app.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } })).json()) as { operator?: { email?: string } };
  return body.operator?.email ?? null;
}

export async function signOut(app: AppTarget, cookie: string): Promise<void> {
  const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${app.baseUrl}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, json: 'true' }),
  });
  if (res.status >= 400) throw new Error(`sign-out: ${res.status}`);
}
