// next-auth configuration of the operator dashboard: email + password (CredentialsProvider) checked against the
// Operator table, stateless JWT sessions that carry only the operator id (requireOperator re-reads the row, so a
// deleted operator is signed out at once), and the custom sign-in page.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../db/client';
import { env } from '../env';
import { clientAddress } from '../rate-limit/client-address';
import { hit, rateLimitsEnabled } from '../rate-limit/limiter';
import { dashboardAuthSecret } from './auth-secret';
import { normalizeEmail, verifyOperator } from './operators';
import { MAX_PASSWORD_LENGTH } from './password';

// next-auth reads NEXTAUTH_URL for its callback and redirect URLs; PUBLIC_URL is this install's origin.
process.env.NEXTAUTH_URL ??= env().publicUrl;

export const SIGN_IN_PATH = '/dashboard/signin';

// Online guessing: a few tries per account and per address every 5 minutes, shared across app processes.
const ATTEMPTS = { limit: 10, windowSec: 300 };

function tooManyAttempts(email: string, address: string): boolean {
  if (!rateLimitsEnabled()) return false;
  const byEmail = hit(`signin:email:${email}`, ATTEMPTS);
  const byAddress = hit(`signin:ip:${address}`, { limit: ATTEMPTS.limit * 3, windowSec: ATTEMPTS.windowSec });
  return !byEmail.ok || !byAddress.ok;
}

export const authOptions: NextAuthOptions = {
  // A getter: the file-derived secret is created on the first request, not when `next build` loads this module.
  get secret() {
    return dashboardAuthSecret();
  },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60, updateAge: 60 * 60 },
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
        // next-auth maps a thrown error to ?error=<message>; the sign-in form shows it inline.
        if (tooManyAttempts(email, clientAddress((name) => headers[name]))) throw new Error('TooManyAttempts');
        const operator = await verifyOperator(await getDb(), email, password);
        return operator ? { id: operator.id, email: operator.email } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      const withId: typeof session & { operatorId?: string } = { ...session, operatorId: token.sub };
      return withId;
    },
  },
};
