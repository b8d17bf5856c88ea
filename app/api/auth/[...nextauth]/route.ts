// GET|POST /api/auth/*: next-auth 4 (sign-in, sign-out, session, CSRF) for the operator dashboard (lib/operators/auth-options.ts)
import { authOptions } from '@/lib/operators/auth-options';
import { authRoute } from '@/lib/operators/auth-route';

export const dynamic = 'force-dynamic';

const handler = authRoute(authOptions);

export { handler as GET, handler as POST };
