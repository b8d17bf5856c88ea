import { describe, expect, it } from 'vitest';
import { pgJsParams, pgJsUrl, pgText } from './pg-js';

describe('pgJsUrl', () => {
  it("drops parameters postgres.js would send to the server as startup settings (Prisma's schema, connection_limit)", () => {
    const url = pgJsUrl('postgresql://u:p%40ss@db.example.com:5433/app?schema=public&connection_limit=5&sslmode=require&application_name=x');
    const u = new URL(url);
    expect([...u.searchParams.keys()].sort()).toEqual(['application_name', 'sslmode']);
    expect(u.password).toBe('p%40ss');
    expect(`${u.hostname}:${u.port}${u.pathname}`).toBe('db.example.com:5433/app');
  });

  it('keeps a Unix-socket host given as a parameter', () => {
    expect(new URL(pgJsUrl('postgresql://postgres@localhost/db?host=/var/run/postgresql&port=5432')).searchParams.get('host')).toBe('/var/run/postgresql');
  });
});

describe('pgText: values as node-postgres sends them', () => {
  it('booleans, Dates, objects, buffers and the rest', () => {
    expect(pgText(true)).toBe('true');
    expect(pgText(false)).toBe('false');
    expect(pgText(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
    expect(pgText({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
    expect(pgText(Buffer.from([0, 255]))).toBe('\\x00ff');
    // A string bound to a json parameter is already JSON: sent as is, not encoded again.
    expect(pgText('{"a":1}')).toBe('{"a":1}');
    expect(pgText(12.5)).toBe('12.5');
  });

  it('undefined parameters are NULL', () => {
    expect(pgJsParams([undefined, null, 'x'])).toEqual([null, null, 'x']);
  });
});
