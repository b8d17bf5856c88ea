#!/usr/bin/env node
// One closing line for the whole suite: "N passed, N failed" over vitest and Playwright (their JSON reports).
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const read = (f) => (fs.existsSync(path.join(dir, f)) ? JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) : null);
let passed = 0;
let failed = 0;
const v = read('vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}
const p = read('playwright.json');
if (p?.stats) {
  passed += p.stats.expected ?? 0;
  failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
