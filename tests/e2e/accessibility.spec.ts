import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet, CLUSTER
} from './fixtures';
import { DOCS_VALUE, fillDocsExample } from './pages';

/**
 * axe-core on every page and state of ours, scanning only inside our own pages (the shell's chrome is not ours to
 * fix): zero violations of any impact. Each scan prints how many rules it ran, and what it found.
 */
async function scan(page: Page, state: string, root: string): Promise<void> {
  await expect(page.locator(root)).toBeVisible();
  const result = await new AxeBuilder({ page }).include(root).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

  // eslint-disable-next-line no-console
  console.log(`axe ${ state }: ${ result.passes.length + result.violations.length + result.incomplete.length } rules applied, ${ result.violations.length } violations (${ serious.length } serious or critical)${ result.violations.map((v) => ` ${ v.id } [${ v.impact }] at ${ v.nodes.map((n) => n.target.join(' ')).join(', ') }`).join(';') }`);
  expect(result.violations.map((v) => `${ v.id } [${ v.impact }]: ${ v.nodes.map((n) => n.target.join(' ')).join(', ') }`), state).toEqual([]);
}

const setValue = async(value: string) => sim('/sim/objects', { ...await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network'), value });

test('the fleet overview and the settings list', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/_/migration-networks');
  await expect(page.getByTestId('vmmn-fleet-state-harv3')).toHaveText('Stuck');
  await scan(page, 'fleet overview', '[data-testid="vmmn-fleet"]');
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings`);
  await scan(page, 'settings list', '[data-testid="vmmn-settings-list"]');
});

test('the editor: empty, with errors, review, saved, conflict', async({ page }) => {
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`);
  await scan(page, 'editor empty', '[data-testid="vmmn-editor"]');
  await fillDocsExample(page);
  await page.getByTestId('vmmn-vlan').fill('5000');
  await page.getByTestId('vmmn-exclude-0').fill('10.0.0.1');
  await expect(page.getByTestId('vmmn-vlan-problems')).toBeVisible();
  await scan(page, 'editor with errors', '[data-testid="vmmn-editor"]');
  await page.getByTestId('vmmn-vlan').fill('100');
  await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1/32');
  await page.getByTestId('vmmn-review').click();
  await scan(page, 'editor review', '[data-testid="vmmn-editor"]');
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  await scan(page, 'editor saved', '[data-testid="vmmn-editor"]');
  await page.getByTestId('vmmn-vlan').fill('101');
  await setValue('{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.2.0/24","exclude":[]}');
  await expect(page.getByTestId('vmmn-changed-elsewhere')).toBeVisible();
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-conflict')).toBeVisible();
  await scan(page, 'editor conflict', '[data-testid="vmmn-editor"]');
});

test('the editor read-only', async({ page }) => {
  await loginByCookie(page, 'viewer');
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`);
  await expect(page.getByTestId('vmmn-read-only')).toBeVisible();
  await scan(page, 'editor read-only', '[data-testid="vmmn-editor"]');
});

test('the health page: disabled, rolling out, healthy, stuck', async({ page }) => {
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/health`);
  await scan(page, 'health disabled', '[data-testid="vmmn-health-page"]');
  await sim('/sim/speed', { stepMs: 3000 });
  await setValue(DOCS_VALUE);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'rollingOut', { timeout: 30_000 });
  await scan(page, 'health rolling out', '[data-testid="vmmn-health-page"]');
  await page.goto('/c/c-harv2/migration-networks/health');
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'healthy');
  await scan(page, 'health healthy', '[data-testid="vmmn-health-page"]');
  await page.goto('/c/c-harv3/migration-networks/health');
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'stuck');
  await scan(page, 'health stuck', '[data-testid="vmmn-health-page"]');
});

test('the editor\'s dual-stack part on v1.10, with a mistake shown', async({ page }) => {
  await sim('/sim/reset', { fleet: 'versions' });
  await loginByCookie(page);
  await page.goto('/c/c-v110/migration-networks/settings/vm-migration-network');
  await fillDocsExample(page);
  await page.getByTestId('vmmn-range-v6').fill('fd00:10::/120');
  await page.getByTestId('vmmn-range-v6-start').fill('fd00:10::zz');
  await page.getByTestId('vmmn-range-v6-end').click();
  await expect(page.getByTestId('vmmn-range-v6-start-problems')).toBeVisible();
  await scan(page, 'editor dual stack', '[data-testid="vmmn-editor"]');
});
