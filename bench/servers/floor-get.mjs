// A bare server doing only what GET /Users/{id} must on SQLite (bench/floors.ts, started by lib/helpers.ts): node:http, the bearer token's
// SHA-256 looked up with the user in one statement, the stored JSON with its meta, and (LOG=1) a request-log row
// written in batches every 250 ms, as the portal writes its own.
import crypto from 'node:crypto';
import http from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.FILE);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${process.env.SYNC ?? 'FULL'}`);
const find = db.prepare(
  'SELECT t.directory_id, u.id, u.raw, u.version, u.created_at, u.updated_at FROM tok t LEFT JOIN u ON u.id = ? AND u.directory_id = t.directory_id WHERE t.hash = ?',
);
const log = db.prepare('INSERT INTO log (directory_id, method, path, status, at) VALUES (?, ?, ?, ?, ?)');
const writeLog = db.transaction((rows) => rows.forEach((r) => log.run(...r)));
let buffer = [];
if (process.env.LOG === '1')
  setInterval(() => {
    const rows = buffer;
    buffer = [];
    writeLog(rows);
  }, 250).unref();

http
  .createServer((req, res) => {
    const id = req.url.slice(req.url.lastIndexOf('/') + 1);
    const hash = crypto
      .createHash('sha256')
      .update((req.headers.authorization ?? '').slice(7))
      .digest('hex');
    const r = find.get(id, hash);
    if (!r?.id) return res.writeHead(r ? 404 : 401).end();
    const meta = {
      resourceType: 'User',
      created: r.created_at,
      lastModified: r.updated_at,
      version: `W/"${r.version}"`,
      location: `http://localhost/scim/v2/d/Users/${r.id}`,
    };
    const out = JSON.stringify({ ...JSON.parse(r.raw), id: r.id, meta });
    if (process.env.LOG === '1') buffer.push([r.directory_id, 'GET', req.url, 200, new Date().toISOString()]);
    res.writeHead(200, { 'Content-Type': 'application/scim+json', ETag: meta.version, 'Content-Length': Buffer.byteLength(out) }).end(out);
  })
  .listen(0, '127.0.0.1', function () {
    console.log(this.address().port);
  });
process.on('SIGTERM', () => process.exit(0));
