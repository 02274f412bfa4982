import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet, CLUSTER
} from './fixtures';
import { DOCS_VALUE, fillDocsExample, recordAppearance, reviewAndSave } from './pages';

const EDITOR = `/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`;

interface SettingObject { value?: string; metadata: { annotations?: Record<string, string> }; [key: string]: unknown }

const stored = () => simGet<SettingObject>('/sim/objects/harvesterhci.io.setting/vm-migration-network');

async function open(page: Page, user = 'admin') {
  await loginByCookie(page, user);
  await page.goto(EDITOR);
  await expect(page.getByTestId('vmmn-editor')).toBeVisible();
}

test('enables the docs example: the preview shows the canonical value and NAD, save writes it and the status turns Configured live @journey', async({ page }) => {
  await open(page);
  await fillDocsExample(page);
  await expect(page.getByTestId('vmmn-capacity-usable')).toHaveText('253');
  await page.getByTestId('vmmn-review').click();
  // The review lays the value out for reading; what is saved is the canonical text (checked after the save).
  await expect(page.getByTestId('vmmn-impact-value')).toHaveText(JSON.stringify(JSON.parse(DOCS_VALUE), null, 2));
  await expect(page.getByTestId('vmmn-impact-nad')).toContainText('"bridge": "vm-migration-br"');
  await expect(page.getByTestId('vmmn-impact-restart')).toContainText('3');
  // Each field before and after, and the nodes that restart by name.
  await expect(page.getByTestId('vmmn-impact-change-vlan').locator('td')).toHaveText(['—', '100']);
  await expect(page.getByTestId('vmmn-impact-change-state')).toHaveAttribute('data-changed', 'true');
  await expect(page.getByTestId('vmmn-impact-nodes')).toContainText('harvester-node-0, harvester-node-1, harvester-node-2');
  await expect(page.getByTestId('vmmn-save')).toBeDisabled();
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  const warned = await recordAppearance(page, 'vmmn-changed-elsewhere');

  await page.getByTestId('vmmn-save').click();
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  // The outcome is told to screen readers once, in the editor's polite live region.
  await expect(page.getByTestId('vmmn-outcome-live')).toHaveText(/^Saved\. Every node now restarts/);
  await expect(page.getByTestId('vmmn-status-configured')).toBeVisible();
  // The websocket's copy of our own write is never "someone else's change", not even for a moment.
  expect(await warned()).toBe(false);
  const saved = await stored();

  expect(saved.value).toBe(DOCS_VALUE);
  // Fields another client wrote (the scenario's Setting has them) come back untouched.
  expect([saved.customized, saved.source]).toStrictEqual([true, 'db']);
  expect((saved.metadata as { labels?: Record<string, string> }).labels).toStrictEqual({ 'example.com/managed-by': 'gitops' });
  await expect(page.getByTestId('vmmn-status-configured')).toBeVisible();
});

test('explains every mistake before saving and keeps what was typed', async({ page }) => {
  await open(page);
  await fillDocsExample(page);
  await page.getByTestId('vmmn-vlan').fill('5000');
  await page.getByTestId('vmmn-range').fill('192.168.1.5/24');
  await page.getByTestId('vmmn-exclude-0').fill('10.0.0.1');
  // Every field here was left once already: its problems follow what is typed.
  await expect(page.getByTestId('vmmn-vlan-problems')).toBeVisible();
  await expect(page.getByTestId('vmmn-range-problems')).toBeVisible();
  // A screen reader hears the field is invalid, and why: the problems describe the input.
  await expect(page.getByTestId('vmmn-vlan')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('vmmn-vlan')).toHaveAttribute('aria-describedby', 'vmmn-vlan-problems');
  await expect(page.locator('#vmmn-vlan-problems')).toContainText('4094');
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-error-summary')).toBeVisible();
  await expect(page.getByTestId('vmmn-exclude-0-problems')).toContainText('10.0.0.1');
  await expect(page.getByTestId('vmmn-vlan')).toHaveValue('5000');
  // Nothing was sent: the form stays, and the server still holds the old value.
  await expect(page.getByTestId('vmmn-impact')).toHaveCount(0);
  expect((await stored()).value).toBe('');
});

test('choosing Enabled paints nothing red: errors wait until a field is left or Review is pressed', async({ page }) => {
  await open(page);
  await page.getByTestId('vmmn-enabled').locator('.radio-container').nth(0).click();
  await expect(page.getByTestId('vmmn-review')).toBeEnabled();
  const problems = page.locator('[data-testid$="-problems"]');

  await expect(problems).toHaveCount(0);
  await page.getByTestId('vmmn-vlan').fill('5000');
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('vmmn-vlan')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('vmmn-vlan').press('Tab');
  await expect(page.getByTestId('vmmn-vlan-problems')).toBeVisible();
  await expect(page.getByTestId('vmmn-range-problems')).toHaveCount(0);
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-error-summary')).toContainText('3');
  await expect(page.getByTestId('vmmn-range-problems')).toBeVisible();
  await expect(page.getByTestId('vmmn-cluster-network-problems')).toBeVisible();
});

test('disabling explains the fallback to mgmt, shows the previous configuration and writes an empty value', async({ page }) => {
  const setting = await stored();

  await sim('/sim/objects', { ...setting, value: DOCS_VALUE });
  await open(page);
  await page.getByTestId('vmmn-enabled').locator('.radio-container').nth(1).click();
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact-restart')).toContainText('mgmt');
  await expect(page.getByTestId('vmmn-impact-previous')).toHaveText(JSON.stringify(JSON.parse(DOCS_VALUE), null, 2));
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  expect((await stored()).value).toBe('');
});

test('a change made elsewhere is never overwritten: the conflict is shown with reload and reapply', async({ page }) => {
  await open(page);
  await fillDocsExample(page);
  const setting = await stored();
  const theirs = '{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.2.0/24","exclude":[]}';

  await sim('/sim/objects', { ...setting, value: theirs });
  await expect(page.getByTestId('vmmn-changed-elsewhere')).toContainText('192.168.2.0/24');
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-conflict')).toBeVisible();
  expect((await stored()).value).toBe(theirs);
  await page.getByTestId('vmmn-conflict-reload').click();
  await expect(page.getByTestId('vmmn-vlan')).toHaveValue('200');
});

test('a server denial on the dry run is shown verbatim and nothing is written', async({ page }) => {
  await open(page);
  await fillDocsExample(page);
  await sim('/sim/faults', {
    path: `/k8s/clusters/${ CLUSTER }/apis/harvesterhci.io/v1beta1/settings/vm-migration-network`, status: 422, message: 'admission webhook "validator.harvesterhci.io" denied the request: simulated refusal', count: 1
  });
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-dry-run-denied')).toContainText('simulated refusal');
  expect((await stored()).value).toBe('');
});

test('a failed save keeps the form and can be retried', async({ page }) => {
  await open(page);
  await fillDocsExample(page);
  await sim('/sim/faults', {
    path: `/k8s/clusters/${ CLUSTER }/v1/harvesterhci.io.settings/vm-migration-network`, method: 'PUT', status: 503, count: 1
  });
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-save-failed')).toBeVisible();
  await page.getByTestId('vmmn-save').click();
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  expect((await stored()).value).toBe(DOCS_VALUE);
});

test('a viewer sees the page read-only', async({ page }) => {
  await open(page, 'viewer');
  await expect(page.getByTestId('vmmn-read-only')).toBeVisible();
  await expect(page.getByTestId('vmmn-review')).toHaveCount(0);
});
