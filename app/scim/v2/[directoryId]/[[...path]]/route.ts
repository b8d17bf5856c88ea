// /scim/v2/{directoryId}/{Users|Groups|ServiceProviderConfig|Schemas|ResourceTypes|.search}[/…]: RFC 7644 §3.
import { handleScimWebRequest } from '@/lib/scim/web-adapter';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ directoryId: string; path?: string[] }> };

async function handle(req: Request, { params }: Params): Promise<Response> {
  const { directoryId, path } = await params;
  return handleScimWebRequest(req, directoryId, (path ?? []).map(decodeURIComponent));
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
