import { Page } from '@playwright/test';
import { test, expect, loginByCookie, sim } from './fixtures';
import { SIM_URL } from '../../playwright.config';

/** Markup and script where text belongs: every page must show it as text, create no element, run nothing. */
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b id="vmmn-injected">bold</b>';

type Obj = Record<string, unknown> & { metadata: Record<string, unknown> };

async function cookie(): Promise<string> {
  const res = await fetch(`${ SIM_URL }/v1-public/login`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'admin' }) });

  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Raw objects of a type, through the simulator's Steve API (with Steve's extra fields stripped by the write). */
async function list(cluster: string, type: string): Promise<Obj[]> {
  const res = await fetch(`${ SIM_URL }/k8s/clusters/${ cluster }/v1/${ type }`, { headers: { cookie: await cookie() } });

  return ((await res.json()) as { data: Obj[] }).data;
}

async function write(cluster: string, obj: Obj): Promise<void> {
  const raw: Record<string, unknown> = { ...obj };

  // Steve's own fields are not part of the object.
  for (const key of ['id', 'type', 'links']) {
    delete raw[key];
  }
  await sim(`/sim/objects?cluster=${ cluster }`, raw);
}

async function expectInert(page: Page, where: string): Promise<void> {
  await expect(page.locator('#vmmn-injected'), where).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), where).toBeUndefined();
}

test('HTML and script in conditions, events, names, descriptions and labels are shown as text on every page', async({ page }) => {
  // Six pages, each booted fresh: longer than one page's budget.
  test.setTimeout(240_000);
  const dialogs: string[] = [];

  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const [setting] = (await list('c-harv1', 'harvesterhci.io.settings')).filter((s) => s.metadata.name === 'vm-migration-network');

  await write('c-harv1', {
    ...setting,
    status: {
      conditions: [{
        type: 'configured', status: 'False', reason: HOSTILE, message: HOSTILE
      }]
    }
  });
  const [node] = await list('c-harv1', 'nodes');

  await write('c-harv1', {
    ...node,
    metadata: {
      ...node.metadata, labels: { ...(node.metadata.labels as object), 'example.com/note': 'x' }, annotations: { ...(node.metadata.annotations as object), note: HOSTILE }
    }
  });
  for (const vc of await list('c-harv1', 'network.harvesterhci.io.vlanconfigs')) {
    await write('c-harv1', { ...vc, spec: { ...(vc.spec as object), description: HOSTILE } });
  }
  for (const event of (await list('c-harv3', 'events')).filter((e) => e.reason === 'FailedCreatePodSandBox')) {
    await write('c-harv3', { ...event, message: HOSTILE });
  }
  for (const vm of (await list('c-harv1', 'kubevirt.io.virtualmachines')).slice(0, 1)) {
    await write('c-harv1', { ...vm, metadata: { ...vm.metadata, annotations: { ...(vm.metadata.annotations as object), 'harvesterhci.io/description': HOSTILE } } });
  }

  await loginByCookie(page);
  await page.goto('/c/_/migration-networks');
  await expect(page.getByTestId('vmmn-fleet-problems-harv1')).toContainText('<b id="vmmn-injected">');
  await expectInert(page, 'fleet overview');
  await page.goto('/c/c-harv1/migration-networks/settings');
  await expect(page.getByTestId('vmmn-settings-list')).toBeVisible();
  await expectInert(page, 'settings list');
  await page.goto('/c/c-harv1/migration-networks/settings/vm-migration-network');
  await expect(page.getByTestId('vmmn-editor')).toContainText('<script>');
  await expectInert(page, 'editor');
  await page.goto('/c/c-harv1/migration-networks/health');
  await expect(page.getByTestId('vmmn-health-page')).toContainText('<img src=x');
  await expectInert(page, 'health page');
  await page.goto('/c/c-harv3/migration-networks/health');
  await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
  await expectInert(page, 'health page, stuck');
  await page.goto('/c/c-harv1/explorer/harvesterhci.io.setting');
  await expect(page.getByTestId('vmmn-panel-line')).toContainText('<b id="vmmn-injected">', { timeout: 45_000 });
  await expectInert(page, 'panel');
  expect(dialogs).toEqual([]);
});
