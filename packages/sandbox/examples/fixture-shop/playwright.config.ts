// Runs the fixture shop's tests in Debian's Chromium, 2 workers in parallel (one per core here).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  outputDir: join(tmpdir(), 'wpay-sandbox-playwright-results'),
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env.WPAY_REPORT ?? 'report.json' }]],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions(),
  },
});
