import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium-path.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4174);

/**
 * The longest tests (20–60 s each on 2 cores), started first: the workers take tests in the
 * projects' order, and a minute-long test begun last kept one worker busy for a minute while
 * the other had nothing left to do (CI on 2026-12-06: two-tabs began 144th of 145).
 */
const LONGEST = [
  'two-tabs',
  'layout-360',
  'language-offline',
  'sync',
  'foreign-currency',
  'household-flow',
].map((name) => `**/${name}.spec.ts`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  // One retry: a test that fails once and then passes is reported "flaky" (docs/testing.md).
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'longest', testMatch: LONGEST },
    { name: 'rest', testIgnore: LONGEST },
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    locale: 'en-US',
    // The service worker precaches about 90 files (350 KB) in every new browser profile, so in
    // every test: 18% of a spec's time on 2 cores (docs/testing.md "What the suite costs"). It
    // is on in the specs about what it does (offline, updates, languages kept offline, the first
    // visit, requests that leave, phones), which say `test.use({ serviceWorkers: 'allow' })`.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath() ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
  webServer: {
    command: `node scripts/serve.mjs dist`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
