// JSON request bodies of the host API and the portal: a size limit, valid JSON, no NULs or unpaired surrogates
// (the databases refuse them) and bounded nesting; each failure a 4xx with the reason.
import { jsonProblem } from '../safe-text';
import { ApiError } from './api-error';

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new ApiError('payload_too_large', 413, `Body exceeds ${maxBytes} bytes`);
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid_json', 400, 'The request body is not valid JSON');
  }
  const problem = jsonProblem(value);
  if (problem) {
    throw new ApiError('invalid_request', 400, problem === 'too_deep' ? 'body: nested too deeply' : 'body: NUL characters and unpaired surrogates are not allowed');
  }
  return value;
}
