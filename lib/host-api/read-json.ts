// JSON request bodies of the host API and the portal: a size limit, valid JSON, no NULs or unpaired surrogates
// (the databases refuse them) and bounded nesting; each failure a 4xx with the reason.
import { jsonProblem } from '../safe-text';
import { ApiError } from './api-error';

/**
 * The body's bytes, read as a stream and given up at the first byte past `maxBytes`. The custom server
 * (lib/http/request-guard.mjs) already stops larger bodies before Next; this holds under `next dev` too.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Buffer<ArrayBuffer>> {
  const tooLarge = () => new ApiError('payload_too_large', 413, `The request body exceeds ${maxBytes} bytes`);
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(req, maxBytes));
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid_json', 400, 'The request body is not valid JSON');
  }
  const problem = jsonProblem(value);
  if (problem) {
    throw new ApiError(
      'invalid_request',
      400,
      problem === 'too_deep' ? 'body: nested too deeply' : 'body: NUL characters and unpaired surrogates are not allowed',
    );
  }
  return value;
}
