import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Debian's chromium where it is installed (CI and these machines cannot download
// Playwright's own build); Playwright's own browser on a user's machine.
const systemChromium = '/usr/bin/chromium';
const useSystem = existsSync(systemChromium) && !process.env.COLLATE_PLAYWRIGHT_BUNDLED;

export default defineConfig({
  testDir: fileURLToPath(new URL('../tests/e2e', import.meta.url)),
  outputDir: fileURLToPath(new URL('../test-results', import.meta.url)),
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: useSystem
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }
      : {},
  },
});
