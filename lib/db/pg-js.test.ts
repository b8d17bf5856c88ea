import { describe, expect, it } from 'vitest';
import { pgJsParams, pgJsTarget, pgText } from './pg-js';

describe('pgJsTarget', () => {
  it("drops parameters postgres.js would send to the server as startup settings (Prisma's schema, connection_limit)", () => {
    const { url, options } = pgJsTarget('postgresql://u:p%40ss@db.example.com:5433/app?schema=public&connection_limit=5&sslmode=require&application_name=x');
    const u = new URL(url);
    expect([...u.searchParams.keys()].sort()).toEqual(['application_name', 'sslmode']);
    expect(u.password).toBe('p%40ss');
    expect(`${u.hostname}:${u.port}${u.pathname}`).toBe('db.example.com:5433/app');
    expect(options).toEqual({ port: 5433 });
  });

  it('a host parameter naming a directory is a Unix socket, with the port from the URL or the parameter', () => {
    const a = pgJsTarget('postgresql://postgres@localhost/db?host=/var/run/postgresql&port=5433');
    expect(a.options).toEqual({ path: '/var/run/postgresql/.s.PGSQL.5433' });
    // host and port are options now, not startup settings the server would refuse.
    expect(new URL(a.url).search).toBe('');
    expect(pgJsTarget('postgresql://postgres@localhost:6000/db?host=/tmp/pg').options).toEqual({ path: '/tmp/pg/.s.PGSQL.6000' });
    expect(pgJsTarget('postgresql://postgres@/db?host=/cloudsql/p:r:i').options).toEqual({ path: '/cloudsql/p:r:i/.s.PGSQL.5432' });
  });

  it('host and port parameters override the URL, as libpq has it', () => {
    expect(pgJsTarget('postgresql://postgres@localhost:5432/db?host=db.internal&port=6432').options).toEqual({ host: 'db.internal', port: 6432 });
  });

  it('sslrootcert: the system CAs, or a CA file read once', () => {
    expect(pgJsTarget('postgresql://u@h/db?sslmode=verify-full&sslrootcert=system').options.ssl).toBe('verify-full');
    const read: string[] = [];
    const t = pgJsTarget('postgresql://u@h/db?sslrootcert=/etc/ca.pem', (f) => (read.push(f), 'PEM'));
    expect(t.options.ssl).toEqual({ ca: 'PEM' });
    expect(read).toEqual(['/etc/ca.pem']);
    expect(new URL(t.url).searchParams.has('sslrootcert')).toBe(false);
    // sslmode=disable wins: no TLS, and the file is not read.
    const noRead = () => {
      throw new Error('read the CA file');
    };
    expect(pgJsTarget('postgresql://u@h/db?sslmode=disable&sslrootcert=/etc/ca.pem', noRead).options.ssl).toBeUndefined();
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
