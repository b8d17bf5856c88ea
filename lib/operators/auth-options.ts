// next-auth configuration of the operator dashboard: email + password (CredentialsProvider) checked against the
// Operator table, and the custom sign-in page. The cookie is next-auth's encrypted JWT, but it only names a
// server-side session (operator-sessions.ts): every read of it looks the row up, so sign-out, expiry and the
// operator's removal end it at once. Sign-in attempts are throttled per (email, address) and per address.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env, provideNextAuthUrl } from '../env';
import { clientAddress } from '../rate-limit/client-address';
import { rateLimitsEnabled } from '../rate-limit/limiter';
import { dashboardAuthSecret } from './auth-secret';
import { DASHBOARD_SESSION_SECONDS, endOperatorSession, openOperatorSession, operatorOfSession } from './operator-sessions';
import { normalizeEmail, verifyOperator, type Operator } from './operators';
import { MAX_PASSWORD_LENGTH } from './password';
import { clearSignInFailures, recordSignInFailure, signInWait } from './sign-in-throttle';

provideNextAuthUrl(env().publicUrl);

export const SIGN_IN_PATH = '/dashboard/signin';

class SessionEnded extends Error {}

async function signIn(email: string, password: string, address: string): Promise<Operator | null> {
  const throttled = rateLimitsEnabled();
  // next-auth maps a thrown error to ?error=<message>; the sign-in form shows it inline.
  if (throttled && (await signInWait(email, address)) > 0) throw new Error('TooManyAttempts');
  const operator = await verifyOperator(email, password);
  if (throttled) await (operator ? clearSignInFailures(email, address) : recordSignInFailure(email, address));
  return operator;
}

export const authOptions: NextAuthOptions = {
  // A getter: the file-derived secret is created on the first request, not when `next build` loads this module.
  get secret() {
    return dashboardAuthSecret();
  },
  session: { strategy: 'jwt', maxAge: DASHBOARD_SESSION_SECONDS },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = normalizeEmail(String(credentials?.email ?? ''));
        const password = String(credentials?.password ?? '');
        if (!email || !password || password.length > MAX_PASSWORD_LENGTH) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const operator = await signIn(
          email,
          password,
          clientAddress((name) => headers[name]),
        );
        return operator ? { id: operator.id, email: operator.email } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sid: await openOperatorSession(user.id) };
      const operator = typeof token.sid === 'string' ? await operatorOfSession(token.sid) : null;
      // Thrown, next-auth answers "no session" and clears the cookie.
      if (!operator || operator.id !== token.sub) throw new SessionEnded('dashboard session ended');
      return { ...token, operator };
    },
    session({ session, token }) {
      const withOperator: typeof session & { operator?: unknown } = { ...session, operator: token.operator };
      return withOperator;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await endOperatorSession(token.sid);
    },
  },
  logger: {
    // An ended session is not an error to log; anything else next-auth reports is, without its metadata.
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') return;
      console.error(`next-auth error ${code}: ${metadata instanceof Error ? metadata.message : ''}`);
    },
    warn() {},
    debug() {},
  },
};
