// Browser end-to-end tests (e2e/**/*.spec.ts) against the built app in Debian's Chromium. The global setup starts
// the app on 127.0.0.1 and a host page on localhost: two origins, so the portal really runs in a cross-origin iframe.
import { defineConfig } from '@playwright/test';

// Engineers run the suite concurrently in one checkout: each run writes its artifacts to a directory of its own
// (workers inherit the variable from the runner, so they agree on it).
process.env.E2E_RUN_ID ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: `test-results/run-${process.env.E2E_RUN_ID}`,
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
