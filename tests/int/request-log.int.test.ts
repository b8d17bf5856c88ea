// The SCIM request log as flushRequestLog writes it (SQLite: VALUES lists; PostgreSQL: one statement over arrays, whose
// literal quotes every element): every entry stored exactly, text that needs escaping included (in an array literal
// too: braces, commas, NULL); entries of a deleted directory dropped; the token's last use and the directory's last
// request recorded.
import { write } from '../../lib/db/database';
import { describe, expect, it } from 'vitest';
import { createDirectoryToken } from '../../lib/directory/tokens';
import { redactedBody } from '../../lib/scim/redact';
import { flushRequestLog, logScimRequest, type RequestLogEntry } from '../../lib/scim/request-log';
import { newDirectory } from './scim-helpers';
import { countOf, firstOf, rowsOf } from './db-rows';

const ODD = ['quote " and backslash \\ and \\u0041', 'emoji 🧑‍💻, accents éñ, CJK 漢字', 'line\nbreak\ttab', "apostrophe ' and $1 and ?", 'NULL', '{a,b}', ''];

function entry(directoryId: string, tokenId: string | null, i: number): RequestLogEntry {
  return {
    directoryId,
    tokenId,
    method: i % 2 ? 'PATCH' : 'GET',
    path: `/Users/usr_${i}?filter=${encodeURIComponent(`userName eq "${ODD[i % ODD.length]}"`)}`,
    status: i % 7 === 0 ? 404 : 200,
    durationMs: i % 13,
    resource: 'Users',
    requestBody: i % 2 ? redactedBody({ note: ODD[i % ODD.length], password: 'p4ss-word', i }) : null,
    error: i % 7 === 0 ? `Resource ${ODD[i % ODD.length]} not found` : null,
    responseBody: i % 3 ? redactedBody({ id: `usr_${i}`, userName: ODD[i % ODD.length] }) : null,
    person:
      i % 2 ? { userId: `usr_${i}`, userNameLower: ODD[i % ODD.length].toLowerCase(), emailLower: null, externalId: i % 4 ? ODD[i % ODD.length] : null } : null,
    decision: i % 2 ? `updated (${ODD[i % ODD.length]})` : null,
    at: new Date(Date.UTC(2026, 10, 29, 12, 0, 0, i)),
  };
}

describe('request log', () => {
  it('stores a batch of 120 entries exactly, and records the token and directory as used', async () => {
    const dir = await newDirectory();
    const token = await write((env) => createDirectoryToken(env, { directoryId: dir.directoryId }));
    const entries = Array.from({ length: 120 }, (_, i) => entry(dir.directoryId, token.id, i));
    for (const e of entries) logScimRequest(e);
    await flushRequestLog();

    const rows = await rowsOf('ScimRequestLog', '"directoryId" = ?', [dir.directoryId], 'ORDER BY "createdAt"');
    expect(rows).toHaveLength(120);
    rows.forEach((r, i) => {
      const e = entries[i];
      expect(r.id).toMatch(/^req_/);
      expect({ ...r, id: undefined }).toEqual({
        id: undefined,
        directoryId: e.directoryId,
        method: e.method,
        path: e.path,
        status: e.status,
        durationMs: e.durationMs,
        resource: e.resource,
        requestBody: e.requestBody,
        error: e.error,
        createdAt: e.at,
        responseBody: e.responseBody,
        userId: e.person?.userId ?? null,
        userNameLower: e.person?.userNameLower ?? null,
        emailLower: e.person?.emailLower ?? null,
        externalId: e.person?.externalId ?? null,
        decision: e.decision ?? null,
      });
    });
    expect(rows[1].requestBody).toContain('"note"');
    expect(rows.map((r) => r.requestBody ?? '').join()).not.toContain('p4ss-word');
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);

    const stored = await firstOf('DirectoryToken', '"id" = ?', [token.id]);
    expect(stored.lastUsedAt).not.toBeNull();
    expect((await firstOf('Directory', '"id" = ?', [dir.directoryId])).lastRequestAt).not.toBeNull();
  });

  it('drops the entries of a directory that no longer exists, and keeps the others of the same batch', async () => {
    const kept = await newDirectory();
    logScimRequest(entry(kept.directoryId, null, 1));
    logScimRequest(entry('dir_deleted_meanwhile', null, 2));
    logScimRequest(entry(kept.directoryId, null, 3));
    await flushRequestLog();
    expect(await countOf('ScimRequestLog', '"directoryId" = ?', [kept.directoryId])).toBe(2);
    expect(await countOf('ScimRequestLog', '"directoryId" = ?', ['dir_deleted_meanwhile'])).toBe(0);
  });
});
