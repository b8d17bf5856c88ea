// /scim/v2/{directoryId}/{Users|Groups|ServiceProviderConfig|Schemas|ResourceTypes|.search}[/…]: RFC 7644 §3.
import { handleScimWebRequest } from '@/lib/scim/web-adapter';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ directoryId: string; path?: string[] }> };

async function handle(req: Request, { params }: Params): Promise<Response> {
  const { directoryId, path } = await params;
  // Next has already percent-decoded the segments; decoding again would turn `%2541` into `A` and throw on `%`.
  return handleScimWebRequest(req, directoryId, path ?? []);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
