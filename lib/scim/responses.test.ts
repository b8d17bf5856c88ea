import { describe, expect, it } from 'vitest';
import { ScansBusy, ScanTimedOut } from '../db/scan-gate';
import { DomainError } from '../domain-error';
import { errorResponse } from './responses';

describe('errorResponse', () => {
  it.each([
    ['a domain error', new DomainError('invalid', 'userName is required'), 400, 'invalidValue'],
    ['a conflict', new DomainError('conflict', 'taken'), 409, 'uniqueness'],
    // PostgreSQL's index row size error (postgres.js sets the SQLSTATE as `code`).
    ['a scan stopped past its time limit', new ScanTimedOut(10_000), 400, 'tooMany'],
    ['PostgreSQL 54000', Object.assign(new Error('index row size 4112 exceeds btree version 4 maximum 2704'), { code: '54000' }), 400, 'invalidValue'],
  ])('answers %s with its SCIM error', (_, e, status, scimType) => {
    expect(errorResponse(e)).toMatchObject({ status, body: { status: String(status), scimType } });
  });

  it('answers a scan refused for too many waiting 503 with Retry-After', () => {
    expect(errorResponse(new ScansBusy())).toMatchObject({ status: 503, headers: { 'Retry-After': '1' }, body: { status: '503' }, decision: 'refused (busy)' });
  });

  it('leaves any other error to the caller (a logged 500)', () => {
    expect(errorResponse(new Error('boom'))).toBeNull();
    expect(errorResponse(Object.assign(new Error('x'), { code: '23502' }))).toBeNull();
  });
});
