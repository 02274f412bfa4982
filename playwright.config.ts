import { defineConfig } from '@playwright/test';

/** Ports of the simulator and the shell dev server the end-to-end tests start (the dev server's port is fixed by the shell). */
export const SIM_URL = `http://127.0.0.1:${ process.env.E2E_SIM_PORT ?? 8991 }`;
export const DASHBOARD_URL = 'https://localhost:8005';

// E2E_REUSE=1 reuses a simulator and dev server you already started (API=<SIM_URL> npm run dev), for quick iterations.
const reuse = process.env.E2E_REUSE === '1';

export default defineConfig({
  testDir:       'tests/e2e',
  workers:       1,
  fullyParallel: false,
  timeout:       90_000,
  expect:        { timeout: 15_000 },
  retries:       process.env.CI ? 1 : 0,
  reporter:      [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  globalSetup:   './tests/e2e/global-setup.ts',
  use:           {
    baseURL:           DASHBOARD_URL,
    ignoreHTTPSErrors: true,
    viewport:          { width: 1400, height: 900 },
    screenshot:        'only-on-failure',
    trace:             'retain-on-failure',
    launchOptions:     {
      executablePath: '/usr/bin/chromium',
      args:           ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors', '--disable-quic'],
    },
  },
  webServer: [
    {
      command:             `npx tsx harvester-sim/src/main.ts --port ${ new URL(SIM_URL).port } --speed fast`,
      url:                 `${ SIM_URL }/rancherversion`,
      reuseExistingServer: reuse,
      timeout:             60_000,
    },
    {
      command:             'npx vue-cli-service serve',
      url:                 DASHBOARD_URL,
      ignoreHTTPSErrors:   true,
      reuseExistingServer: reuse,
      timeout:             300_000,
      env:                 { API: SIM_URL, NODE_ENV: 'dev' },
      stdout:              'ignore',
    },
  ],
});
