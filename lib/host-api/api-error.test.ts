// A list that scans, refused: the host API's (and the portal's) answer is a clear 503 with Retry-After, or a 400.
import { describe, expect, it } from 'vitest';
import { ScansBusy, ScanTimedOut } from '../db/scan-gate';
import { apiErrorResponse, toApiError } from './api-error';

describe('scan refusals in the host API', () => {
  it('too many scans under way: 503 busy with Retry-After', async () => {
    const res = apiErrorResponse(toApiError(new ScansBusy()));
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await res.json()).toEqual({ error: { code: 'busy', message: expect.stringContaining('retry') } });
  });

  it('a scan past its time limit: 400 query_too_costly, naming the limit', async () => {
    const res = apiErrorResponse(toApiError(new ScanTimedOut(10_000)));
    expect(res.status).toBe(400);
    expect(res.headers.get('Retry-After')).toBeNull();
    expect(await res.json()).toEqual({ error: { code: 'query_too_costly', message: expect.stringContaining('10000 ms') } });
  });
});
