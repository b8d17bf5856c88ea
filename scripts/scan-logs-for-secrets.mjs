#!/usr/bin/env node
// After the suite: no token, key, secret or password may appear in any log the apps wrote. Looks for every secret
// the tests recorded (secrets-used.txt) verbatim, and for anything shaped like one of our secrets at all.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('scan-logs-for-secrets: no log directory');
  process.exit(2);
}
const listed = path.join(dir, 'secrets-used.txt');
const secrets = fs.existsSync(listed)
  ? [
      ...new Set(
        fs
          .readFileSync(listed, 'utf8')
          .split('\n')
          .filter((s) => s.length >= 16),
      ),
    ]
  : [];
// Passwords: a key that names one, or a PATCH operation on a password path that kept its value (request-log rows are
// dumped here too: tests/setup/request-log-dump.ts).
const shapes = [
  /scimp_(tok|key)_[A-Za-z0-9]{43}/,
  /whsec_[A-Za-z0-9+/=]{20,}/,
  /"[^"]*password"\s*:\s*"(?!\[redacted\])[^"]+"/i,
  /"path"\s*:\s*"[^"]*password"\s*,\s*"value"\s*:/i,
];
const logs = fs.readdirSync(dir).filter((f) => f.endsWith('.log'));
let leaks = 0;
for (const f of logs) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const s of secrets.filter((s) => text.includes(s))) {
    leaks++;
    console.error(`${f}: contains a secret the tests used (…${s.slice(-4)})`);
  }
  for (const re of shapes.filter((re) => re.test(text))) {
    leaks++;
    console.error(`${f}: contains something shaped like a secret (${re.source})`);
  }
}
console.log(`scanned ${logs.length} app logs for ${secrets.length} secrets used by the tests: ${leaks} leaks`);
process.exit(leaks ? 1 : 0);
