// A bare server doing only what a durable SCIM PUT must (bench/floors.ts, started by lib/helpers.ts): node:http, the JSON body, postgres.js
// pipelined on a pool of 10, and one transaction: the user read under a row lock, then its UPDATE, an outbox event
// and the COMMIT in one socket write (`tx`, the portal's two trips without its token check, request log, validation,
// policy or rendering); or all of it as one statement (`cte`: no round trip to the app between the read and the write).
import http from 'node:http';
import postgres from 'postgres';

const sql = postgres(process.env.DB, { max: 10, prepare: true, onnotice: () => {} });
const shape = process.env.SHAPE;

async function tx(id, body) {
  const c = await sql.reserve();
  try {
    const begin = c.unsafe('BEGIN').execute();
    const [row] = await c.unsafe('SELECT raw FROM u WHERE id = $1 FOR UPDATE', [id]).execute();
    await begin;
    const raw = JSON.stringify({ ...JSON.parse(row.raw), ...body });
    const updated = c.unsafe('UPDATE u SET raw = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version', [id, raw]).execute();
    const event = c.unsafe('INSERT INTO ev (user_id, type, data) VALUES ($1, $2, $3)', [id, 'user.updated', raw]).execute();
    const commit = c.unsafe('COMMIT').execute();
    const [v] = await updated;
    await event;
    await commit;
    return { ...JSON.parse(raw), id, meta: { version: v.version } };
  } finally {
    c.release();
  }
}

async function cte(id, body) {
  const raw = JSON.stringify(body);
  const [v] = await sql.unsafe(
    `WITH old AS (SELECT id, raw FROM u WHERE id = $1 FOR UPDATE),
          upd AS (UPDATE u SET raw = $2, version = u.version + 1, updated_at = now() FROM old WHERE u.id = old.id RETURNING u.id, u.version),
          ev AS (INSERT INTO ev (user_id, type, data) SELECT upd.id, 'user.updated', json_build_object('old', old.raw, 'new', $2::text)::text FROM upd, old)
     SELECT version FROM upd`,
    [id, raw],
  );
  return { ...body, id, meta: { version: v.version } };
}

// Optimistic: the row read without a lock or a transaction, then one statement that writes it only if its version is
// still the one read (and the event with it); a lost race reads again.
async function opt(id, body) {
  for (;;) {
    const [row] = await sql.unsafe('SELECT raw, version FROM u WHERE id = $1', [id]);
    const raw = JSON.stringify({ ...JSON.parse(row.raw), ...body });
    const [v] = await sql.unsafe(
      `WITH upd AS (UPDATE u SET raw = $2, version = version + 1, updated_at = now() WHERE id = $1 AND version = $3 RETURNING id, version),
            ev AS (INSERT INTO ev (user_id, type, data) SELECT upd.id, 'user.updated', $4 FROM upd)
       SELECT version FROM upd`,
      [id, raw, row.version, JSON.stringify({ old: row.raw, new: raw })],
    );
    if (v) return { ...JSON.parse(raw), id, meta: { version: v.version } };
  }
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const id = req.url.slice(req.url.lastIndexOf('/') + 1);
        const body = JSON.parse(Buffer.concat(chunks).toString());
        const out = JSON.stringify(await (shape === 'cte' ? cte : shape === 'opt' ? opt : tx)(id, body));
        res.writeHead(200, { 'Content-Type': 'application/scim+json', 'Content-Length': Buffer.byteLength(out) }).end(out);
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
  })
  .listen(0, '127.0.0.1', function () {
    console.log(this.address().port);
  });
process.on('SIGTERM', () => process.exit(0));
