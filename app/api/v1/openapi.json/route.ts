// GET /api/v1/openapi.json: the host API's OpenAPI 3.1 document (public; it holds no data).
import { openApiDocument } from '@/lib/host-api/openapi';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json(openApiDocument());
}
