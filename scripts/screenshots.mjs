// Regenerates docs/screenshots/*.png. Needs `npx tsx harvester-sim/src/main.ts --port 8991` and
// `API=http://127.0.0.1:8991 npx vue-cli-service serve` running.
import { chromium } from 'playwright-core';

const SIM = 'http://127.0.0.1:8991';
const APP = 'https://localhost:8005/c/c-harv1/explorer/vm-migration-network';
const OUT = 'docs/screenshots';
const post = (path, body) => fetch(`${ SIM }${ path }`, { method: 'POST', body: JSON.stringify(body ?? {}) });

async function setValue(value) {
  const setting = await (await fetch(`${ SIM }/sim/objects/harvesterhci.io.setting/vm-migration-network`)).json();

  await post('/sim/objects', { ...setting, value });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors'] });
const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 1100 } });

await context.route('**/*', (route) => (['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
await post('/sim/reset');
const token = /R_SESS=([^;]+)/.exec((await post('/v1-public/login', { username: 'admin', password: 'admin' })).headers.get('set-cookie'))[1];

await context.addCookies([{ name: 'R_SESS', value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true }]);
const page = await context.newPage();
const shot = (name) => page.screenshot({ path: `${ OUT }/${ name }.png`, fullPage: true });

await page.goto(`${ APP }/settings/vm-migration-network`);
await page.getByTestId('vmmn-enabled').locator('.radio-container').nth(0).click();
await page.getByTestId('vmmn-cluster-network').click();
await page.locator('.vs__dropdown-option', { hasText: /^\s*vm-migration\s*$/ }).click();
await page.getByTestId('vmmn-vlan').fill('5000');
await page.getByTestId('vmmn-range').fill('10.52.0.5/24');
await page.getByTestId('vmmn-exclude-add').click();
await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1');
await page.waitForTimeout(500);
await shot('editor-errors');
await page.getByTestId('vmmn-vlan').fill('100');
await page.getByTestId('vmmn-range').fill('192.168.1.0/24');
await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1/32');
await page.getByTestId('vmmn-review').click();
await page.getByTestId('vmmn-impact').waitFor();
await shot('editor-review');
await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container').click();
await page.getByTestId('vmmn-save').click();
await page.getByTestId('vmmn-status-configured').waitFor();
await shot('editor-saved');
await page.goto(`${ APP }/health`);
await page.getByTestId('vmmn-health-rollout-step-ready').and(page.locator('[data-state="done"]')).waitFor({ timeout: 30000 });
await shot('health-healthy');
await post('/sim/speed', { stepMs: 4000 });
await setValue('{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.1.0/29","exclude":["192.168.1.1/32"]}');
await page.waitForTimeout(9000);
await shot('health-rolling');
await post('/sim/speed', { stepMs: 50 });
await post('/sim/idle');
for (const name of ['harvester-node-3', 'harvester-node-4', 'harvester-node-5']) {
  await post('/sim/nodes', { name });
}
await page.getByTestId('vmmn-health-rollout-reason-pods').waitFor({ timeout: 30000 });
await shot('health-stuck');
await browser.close();
await post('/sim/reset');
console.log(`screenshots written to ${ OUT }`);
