// GET /portal/link/{token}: single-use portal link → portal session (lib/portal/api/link-exchange.ts)
import { exchangePortalLink } from '@/lib/portal/api/link-exchange';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return exchangePortalLink((await params).token);
}
