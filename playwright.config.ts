import { defineConfig } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Ports of the simulator and the shell dev server the end-to-end tests start (the dev server's port is fixed by the shell). */
export const SIM_URL = `http://127.0.0.1:${ process.env.E2E_SIM_PORT ?? 8991 }`;
export const DASHBOARD_URL = 'https://localhost:8005';

/**
 * Two modes. `dev` (default): our package compiled into this repo's shell. `production` (E2E_MODE=production):
 * the host shell (this repo's, or the folder E2E_HOST names, made by scripts/host-shell.mjs) runs without our
 * package; the simulator lists the built package at /v1/uiplugins and the shell loads it at run time, as Rancher
 * does. Production mode runs the journeys tagged @journey; E2E_LABEL names the run in test-results/; E2E_RANCHER the
 * Rancher version the simulator speaks as (2.12 to 2.15).
 */
const production = process.env.E2E_MODE === 'production';
const host = resolve(__dirname, process.env.E2E_HOST ?? '.');
const label = process.env.E2E_LABEL ?? (production ? 'production' : 'dev');
const { version } = JSON.parse(readFileSync(resolve(__dirname, 'pkg/harvester-vm-migration-network/package.json'), 'utf8'));

/**
 * Where the dashboard is served. Rancher serves it under `/dashboard/` and its older UI everywhere else, so
 * production mode does the same (`vue.config.js`); dev mode keeps `/`. Tests give paths inside the dashboard, and the
 * page fixture (`tests/e2e/fixtures.ts`) puts them under this base.
 */
export const ROUTER_BASE = production ? '/dashboard/' : '/';

export const BUILT_PACKAGE = resolve(__dirname, `dist-pkg/harvester-vm-migration-network-${ version }`);

/** The Rancher minor the simulator speaks as (E2E_RANCHER): each host shell runs against the Rancher it ships with. */
export const RANCHER = process.env.E2E_RANCHER ?? '2.15';

// E2E_REUSE=1 reuses a simulator and dev server you already started (API=<SIM_URL> npm run dev), for quick iterations.
const reuse = process.env.E2E_REUSE === '1';

export default defineConfig({
  testDir:       'tests/e2e',
  grep:          production ? /@journey/ : undefined,
  workers:       1,
  fullyParallel: false,
  timeout:       90_000,
  expect:        { timeout: 15_000 },
  retries:       process.env.CI ? 1 : 0,
  outputDir:     `test-results/${ label }`,
  reporter:      [['list'], ['json', { outputFile: `test-results/e2e-${ label }.json` }]],
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
      command:             `npx tsx harvester-sim/src/main.ts --port ${ new URL(SIM_URL).port } --speed fast --rancher ${ RANCHER }${ production ? ` --plugin ${ BUILT_PACKAGE }` : '' }`,
      url:                 `${ SIM_URL }/rancherversion`,
      reuseExistingServer: reuse,
      timeout:             60_000,
    },
    {
      command:             'npx vue-cli-service serve',
      cwd:                 host,
      url:                 DASHBOARD_URL,
      ignoreHTTPSErrors:   true,
      reuseExistingServer: reuse,
      timeout:             300_000,
      env:                 {
        API: SIM_URL, NODE_ENV: 'dev', EXCLUDE_OUR_PACKAGE: production ? '1' : '0', ROUTER_BASE
      },
      stdout: 'ignore',
    },
  ],
});
