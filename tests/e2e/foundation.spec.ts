import {
  test, expect, login, loginByCookie, sim, simGet, CLUSTER
} from './fixtures';
import { openFromSideNav, openProductFromMenu } from './pages';

test('logs in through the login page and lands on home @journey', async({ page }) => {
  await login(page);
  await expect(page).toHaveURL(/\/home/);
});

test('a wrong password is refused on the login page', async({ page }) => {
  await page.goto('/auth/login');
  await page.getByTestId('local-login-username').fill('admin');
  await page.getByTestId('local-login-password').locator('input').fill('wrong');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login__messages')).toBeVisible();
  await expect(page).toHaveURL(/\/auth\/login/);
});

test('by clicks from the login page: ☰ → Migration Networks → harv1 → Advanced → Settings → vm-migration-network, and Advanced → Migration Network @journey', async({ page }) => {
  await login(page);
  await openProductFromMenu(page);
  await page.getByTestId('vmmn-fleet-open-harv1').click();
  await openFromSideNav(page, 'Settings');
  await expect(page.getByTestId('vmmn-settings-list')).toBeVisible();
  await expect(page.getByTestId('vmmn-setting-value-server-version')).toHaveText('v1.8.0');
  await page.getByTestId('vmmn-setting-link-vm-migration-network').click();
  await expect(page.getByTestId('vmmn-editor')).toBeVisible();
  await openFromSideNav(page, 'Migration Network');
  await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
});

test('the Advanced group does not appear for the local (non-Harvester) cluster', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/local/explorer');
  await expect(page.getByText('Cluster Dashboard')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Migration Network', exact: true })).toHaveCount(0);
  await expect(page.getByText('Advanced', { exact: true })).toHaveCount(0);
});

test('a server-side change to a setting appears in the list without a reload', async({ page }) => {
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings`);
  await expect(page.getByTestId('vmmn-setting-value-backup-target')).toHaveText('(empty)');
  const setting = await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/backup-target');

  await sim('/sim/objects', { ...setting, value: 'nfs://10.0.0.5:/backups' });
  await expect(page.getByTestId('vmmn-setting-value-backup-target')).toHaveText('nfs://10.0.0.5:/backups');
});

test('logging out ends the session: the cluster explorer sends the user back to the login page', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/home');
  await expect(page).toHaveURL(/\/home/);
  await page.goto('/auth/logout');
  await expect(page).toHaveURL(/\/auth\/login/);
  await page.goto(`/c/${ CLUSTER }/explorer`);
  await expect(page).toHaveURL(/\/auth\/login/);
});

test('our code comes from where the mode says: compiled in (dev) or the built package from /v1/uiplugins (production) @journey', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/_/migration-networks');
  await expect(page.getByTestId('vmmn-fleet')).toBeVisible();
  const loaded = page.locator('script[src*="/v1/uiplugins/harvester-vm-migration-network/"]');

  await expect(loaded).toHaveCount(process.env.E2E_MODE === 'production' ? 1 : 0);
});
