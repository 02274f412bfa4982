import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet, CLUSTER
} from './fixtures';
import { recordSelector } from './pages';

const HEALTH = `/c/${ CLUSTER }/migration-networks/health`;
const DOCS_VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

async function setValue(value: string) {
  const setting = await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network');

  await sim('/sim/objects', { ...setting, value });
}

async function open(page: Page, user = 'admin') {
  await loginByCookie(page, user);
  await page.goto(HEALTH);
  await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
}

const NODES = ['harvester-node-0', 'harvester-node-1', 'harvester-node-2'];

test('enabling rolls out live: the tracker reaches ready and every node shows a distinct in-range IP @journey', async({ page }) => {
  await open(page);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'disabled');
  await sim('/sim/speed', { stepMs: 300 });
  await setValue(DOCS_VALUE);
  // Before the change the tracker is already "done" (disabled and ready), so wait for the IPs, then for the tracker.
  const ips = () => Promise.all(NODES.map(async(node) => (await page.getByTestId(`vmmn-health-node-ip-${ node }`).innerText()).trim()));

  await expect.poll(async() => (await ips()).filter((ip) => /^192\.168\.1\.\d+$/.test(ip)).length, { timeout: 30_000 }).toBe(3);
  await expect(page.getByTestId('vmmn-health-rollout-step-ready')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const final = await ips();

  expect(new Set(final).size).toBe(3);
  expect(final).not.toContain('192.168.1.1');
  await expect(page.getByTestId('vmmn-health-summary-nad-match')).toBeVisible();
});

test('a whole enable and a whole disable read as rolling out, never as a problem, at any moment @journey', async({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'disabled');
  const problem = await recordSelector(page, '[data-testid="vmmn-health-verdict"]:is([data-kind="stuck"], [data-kind="failed"])');
  const blocked = await recordSelector(page, '[data-testid^="vmmn-health-rollout-step-"][data-state="blocked"]');
  const rolling = await recordSelector(page, '[data-testid="vmmn-health-verdict"][data-kind="rollingOut"]');
  // A step waiting on an earlier one shows no count: "3 of 3" there would be the previous change's pods.
  const staleCount = await recordSelector(page, '[data-state="pending"] [data-testid^="vmmn-health-rollout-count-"]');

  await sim('/sim/speed', { stepMs: 300 });
  await setValue(DOCS_VALUE);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'healthy', { timeout: 60_000 });
  await setValue('');
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'disabled', { timeout: 60_000 });
  // The page did follow both rollouts, and never called them a problem.
  expect(await rolling()).toBe(true);
  expect(await problem(), 'a stuck or failed verdict appeared').toBe(false);
  expect(await blocked(), 'a blocked rollout step appeared').toBe(false);
  expect(await staleCount(), 'a waiting step showed a count').toBe(false);
});

test('exhausting the range by adding nodes shows the stuck node and its reason', async({ page }) => {
  await setValue('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/29","exclude":["192.168.1.1/32"]}');
  await sim('/sim/idle');
  await open(page);
  for (const name of ['harvester-node-3', 'harvester-node-4', 'harvester-node-5']) {
    await sim('/sim/nodes', { name });
  }
  // What to do, with the numbers (5 usable addresses, 6 nodes), instead of Whereabouts' raw error; and where.
  await expect(page.getByTestId('vmmn-health-verdict-reason')).toContainText('Widen the range to 192.168.1.0/28', { timeout: 30_000 });
  await expect(page.getByTestId('vmmn-health-rollout-reason-pods')).toContainText('all 5 usable addresses are taken');
  await expect(page.getByTestId('vmmn-health-node-flag-harvester-node-5-noIp')).toBeVisible();
  await page.getByTestId('vmmn-health-verdict-fix').click();
  await expect(page.getByTestId('vmmn-range')).toBeFocused();
  await expect(page.getByTestId('vmmn-range')).toHaveValue('192.168.1.0/29');
});

test('a migration is shown as using the migration network', async({ page }) => {
  await setValue(DOCS_VALUE);
  await sim('/sim/idle');
  await open(page);
  await sim('/sim/migrations', { vmi: 'default/vm-01' });
  await expect(page.getByTestId('vmmn-health-migration-path-default/vm-01')).toContainText(/migration network/i, { timeout: 30_000 });
});

test('disabling removes the migration IPs and the page says migrations use mgmt', async({ page }) => {
  await setValue(DOCS_VALUE);
  await sim('/sim/idle');
  await open(page);
  await expect(page.getByTestId('vmmn-health-node-ip-harvester-node-0')).toContainText('192.168.1.');
  await setValue('');
  // The tracker follows this change, dated from when the page saw it, with the step a disable takes.
  await expect(page.getByTestId('vmmn-health-rollout-change')).toContainText('migration network disabled');
  await expect(page.getByTestId('vmmn-health-rollout-started')).toContainText(/started .+ ago/);
  await expect(page.getByTestId('vmmn-health-rollout-step-nad')).toContainText('Network attachment removed');
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'disabled', { timeout: 30_000 });
  await expect(page.getByTestId('vmmn-health-node-ip-harvester-node-0')).not.toContainText('192.168.1.', { timeout: 30_000 });
  await expect(page.getByTestId('vmmn-health-rollout-step-configured').locator('[data-time]')).toHaveCount(0);
});

test('a dropped websocket shows a stale-data notice that clears when the shell reconnects', async({ page }) => {
  await open(page);
  await sim('/sim/websockets/drop');
  await expect(page.getByTestId('vmmn-health-stale')).toBeVisible();
  await expect(page.getByTestId('vmmn-health-stale')).toHaveCount(0, { timeout: 30_000 });
});

test('the limited user gets the page with the sections it may not read marked as such', async({ page }) => {
  await open(page, 'limited');
  await expect(page.getByTestId('vmmn-health-nodes-forbidden')).toBeVisible();
  await expect(page.getByTestId('vmmn-health-summary')).toBeVisible();
});

test('the 1,000-node cluster renders and filters to problems', async({ page }) => {
  await sim('/sim/reset', { scenario: 'large-1000' });
  await open(page);
  await expect(page.getByTestId('vmmn-health-node-harvester-node-0')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('vmmn-health-nodes-only-problems').locator('.checkbox-container').click();
  await expect(page.getByTestId('vmmn-health-node-harvester-node-0')).toHaveCount(0);
});
