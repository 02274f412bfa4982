import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet
} from './fixtures';

// harv2: the migration network configured on 192.168.1.0/24; vm-01 on node-0, vm-02 on node-1, and vm-gpu and
// vm-local on node-0, which KubeVirt will not live-migrate.
const HARV2 = 'c-harv2';
const HEALTH = `/c/${ HARV2 }/migration-networks/health`;

interface Obj { metadata: { name: string; annotations?: Record<string, string> }; spec?: { nodeName?: string } }

async function openTest(page: Page, user = 'admin') {
  await loginByCookie(page, user);
  await page.goto(HEALTH);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'healthy');
}

async function choose(page: Page, testid: string, option: string) {
  await page.getByTestId(testid).click();
  await page.locator('.vs__dropdown-option', { hasText: new RegExp(`^\\s*${ option }\\s*$`) }).click();
}

test('an admin migrates vm-01 to a chosen node and sees it went over the migration network @journey', async({ page }) => {
  await sim(`/sim/speed?cluster=${ HARV2 }`, { stepMs: 300 });
  await openTest(page);
  await page.getByTestId('vmmn-test-migration-open').click();
  // Only live-migratable VMs are offered; the others are listed with KubeVirt's reason.
  await expect(page.getByTestId('vmmn-test-migration-not-offered-default/vm-gpu')).toContainText('PCI or USB devices');
  await expect(page.getByTestId('vmmn-test-migration-not-offered-default/vm-local')).toContainText('DisksNotLiveMigratable: cannot migrate VMI: PVC vm-local-disk-0-x7k2m is not shared');
  await expect(page.getByTestId('vmmn-test-migration-vm')).toContainText('default/vm-01');
  await choose(page, 'vmmn-test-migration-target', 'harvester-node-2');
  await expect(page.getByTestId('vmmn-test-migration-confirm')).toHaveText(/default\/vm-01 moves from harvester-node-0 to harvester-node-2 while it keeps running/);
  const address = (await page.getByTestId('vmmn-health-node-ip-harvester-node-2').innerText()).trim();

  await page.getByTestId('vmmn-test-migration-start').click();
  // Phase by phase: the path is known once KubeVirt names the target's address, before the migration ends.
  await expect(page.getByTestId('vmmn-follow-verdict')).toHaveText(`Over the migration network (vm-migration, ${ address })`, { timeout: 15_000 });
  await expect(page.getByTestId('vmmn-follow-phase-Succeeded')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('vmmn-follow-route')).toHaveText('default/vm-01: harvester-node-0 → harvester-node-2');
  // virt-handler's PreparingTarget event says the same, independently of KubeVirt's status.
  await expect(page.getByTestId('vmmn-follow-listening')).toHaveText(`virt-handler on harvester-node-2 confirms: it listened for this migration at ${ address }.`);
  await expect(page.getByTestId('vmmn-follow-duration')).toContainText(/Took \d+ s/);
  await expect(page.getByTestId('vmmn-follow-rate')).toBeVisible();
  await expect(page.getByTestId('vmmn-health-migration-path-default/vm-01')).toHaveText('via migration network');
});

test('a target without a migration address: the migration falls back to mgmt and says so, naming the node', async({ page }) => {
  await sim(`/sim/speed?cluster=${ HARV2 }`, { stepMs: 100 });
  // node-1's virt-handler keeps running but loses migration0: KubeVirt then listens on its pod address.
  const pods = (await simGet<{ items: Obj[] }>(`/sim/objects/pod?cluster=${ HARV2 }`)).items;
  const handler = pods.find((p) => p.metadata.name.startsWith('virt-handler-') && p.spec?.nodeName === 'harvester-node-1') as Obj;
  const status = JSON.parse(handler.metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string }[];

  await sim(`/sim/objects?cluster=${ HARV2 }`, { ...handler, metadata: { ...handler.metadata, annotations: { ...handler.metadata.annotations, 'k8s.v1.cni.cncf.io/network-status': JSON.stringify(status.filter((n) => n.interface !== 'migration0')) } } });
  await loginByCookie(page);
  await page.goto(HEALTH);
  await expect(page.getByTestId('vmmn-health-node-ip-harvester-node-1')).toHaveText('—');
  await page.getByTestId('vmmn-test-migration-open').click();
  // node-1 is not offered as a target; letting Kubernetes choose sends vm-01 there.
  await page.getByTestId('vmmn-test-migration-target').click();
  await expect(page.locator('.vs__dropdown-option')).toHaveText(['Let Kubernetes choose', 'harvester-node-2']);
  await page.keyboard.press('Escape');
  await page.getByTestId('vmmn-test-migration-start').click();
  await expect(page.getByTestId('vmmn-follow-verdict')).toHaveText(/Fell back to the management network: the target harvester-node-1 had no migration address \(KubeVirt used 10\./, { timeout: 15_000 });
  await page.getByTestId('vmmn-follow-show-node').click();
  await expect(page.getByTestId('vmmn-health-nodes-focus')).toContainText('harvester-node-1');
  await expect(page.getByTestId('vmmn-health-node-flag-harvester-node-1-noIp')).toBeVisible();
});

test('KubeVirt not ready: the test is blocked with the reason and nothing starts; a viewer has no action', async({ page }) => {
  const kubevirt = await simGet<{ status: { conditions: { type: string; status: string; reason: string }[] } }>(`/sim/objects/kubevirt.io.kubevirt/harvester-system/kubevirt?cluster=${ HARV2 }`);
  const conditions = kubevirt.status.conditions.map((c) => (c.type === 'Available' ? {
    ...c, status: 'False', reason: 'DeploymentInProgress'
  } : c));

  await sim(`/sim/objects?cluster=${ HARV2 }`, { ...kubevirt, status: { ...kubevirt.status, conditions } });
  await loginByCookie(page);
  await page.goto(HEALTH);
  await page.getByTestId('vmmn-test-migration-open').click();
  await expect(page.getByTestId('vmmn-test-migration-blocker-kubeVirtNotReady')).toBeVisible();
  await expect(page.getByTestId('vmmn-test-migration-start')).toBeDisabled();
  expect((await simGet<{ items: unknown[] }>(`/sim/objects/kubevirt.io.virtualmachineinstancemigration?cluster=${ HARV2 }`)).items).toEqual([]);

  await loginByCookie(page, 'viewer');
  await page.goto(HEALTH);
  await expect(page.getByTestId('vmmn-health-migrations')).toBeVisible();
  await expect(page.getByTestId('vmmn-test-migration-open')).toHaveCount(0);
});

test('a migration aborted from elsewhere (Harvester\'s Abort Migration) reads as aborted, never as done', async({ page }) => {
  await sim(`/sim/speed?cluster=${ HARV2 }`, { stepMs: 1000 });
  await openTest(page);
  await page.getByTestId('vmmn-test-migration-open').click();
  await page.getByTestId('vmmn-test-migration-start').click();
  await expect(page.getByTestId('vmmn-follow-verdict')).toBeVisible({ timeout: 15_000 });
  // Harvester's own action, as its VM list's "Abort Migration" sends it, with this session.
  const status = await page.evaluate(async(url) => (await fetch(url, {
    method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }
  })).status, `/k8s/clusters/${ HARV2 }/v1/harvester/kubevirt.io.virtualmachines/default/vm-01?action=abortMigration`);

  expect(status).toBe(204);
  await expect(page.getByTestId('vmmn-follow-verdict')).toHaveText('Aborted before it finished.', { timeout: 15_000 });
  await expect(page.getByTestId('vmmn-follow-phase-Succeeded')).toHaveCount(0);
});
