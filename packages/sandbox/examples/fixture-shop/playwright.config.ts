// Runs the fixture shop's tests in Debian's Chromium, 4 workers in parallel.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 4,
  fullyParallel: true,
  retries: 0,
  outputDir: join(tmpdir(), 'wpay-sandbox-playwright-results'),
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env.WPAY_REPORT ?? 'report.json' }]],
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.WPAY_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
