// Framing policy of the portal: only this origin and PORTAL_ALLOWED_ORIGINS may embed it. CSP frame-ancestors is
// the allow-list; X-Frame-Options is not sent on portal pages because it cannot express one (DENY/SAMEORIGIN
// would break the host's iframe, and ALLOW-FROM is ignored by current browsers).
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './lib/env';

export function proxy(_req: NextRequest): NextResponse {
  const res = NextResponse.next();
  const ancestors = ["'self'", ...env().portalAllowedOrigins.filter((o) => /^https?:\/\/[^\s;,']+$/.test(o))].join(' ');
  res.headers.set('Content-Security-Policy', `frame-ancestors ${ancestors}; base-uri 'self'; form-action 'self'; object-src 'none'`);
  res.headers.set('Referrer-Policy', 'same-origin');
  res.headers.set('X-Content-Type-Options', 'nosniff');
  return res;
}

export const config = { matcher: ['/portal', '/portal/:path*'] };
