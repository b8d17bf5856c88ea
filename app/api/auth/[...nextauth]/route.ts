// GET|POST /api/auth/*: next-auth 4 (sign-in, sign-out, session, CSRF) for the operator dashboard (lib/operators/auth-options.ts)
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/operators/auth-options';

export const dynamic = 'force-dynamic';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
