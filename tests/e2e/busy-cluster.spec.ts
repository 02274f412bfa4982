import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, CLUSTER
} from './fixtures';

/**
 * A Harvester cluster of real size (`busy` scenario: ~250 pods, 10,000 events, 150 VMs): our pages read the
 * virt-handler pods and the sandbox failures of their namespace, never every pod or event of the cluster.
 */
const CLUSTER_API = `/k8s/clusters/${ CLUSTER }/v1/`;

/** Every list of pods or events the browser asks the cluster for. */
function recordLists(page: Page): string[] {
  const lists: string[] = [];

  page.on('request', (request) => {
    const url = new URL(request.url());
    const at = url.pathname.indexOf(CLUSTER_API);
    const type = at >= 0 ? url.pathname.slice(at + CLUSTER_API.length).split('/')[0] : '';

    if (type === 'pods' || type === 'events') {
      lists.push(`${ url.pathname.slice(at + CLUSTER_API.length) }${ url.search }`);
    }
  });

  return lists;
}

test('the health page of a busy cluster reads only the virt-handler pods and their sandbox failures, and shows every node @journey', async({ page }) => {
  await sim('/sim/reset', { scenario: 'busy' });
  const lists = recordLists(page);

  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/health`);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'healthy', { timeout: 30_000 });
  for (let n = 0; n < 5; n++) {
    await expect(page.getByTestId(`vmmn-health-node-ip-harvester-node-${ n }`)).toHaveText(/192\.168\.1\.\d+/);
  }
  expect(lists.length, 'the page read pods and events').toBeGreaterThanOrEqual(2);
  for (const list of lists) {
    const decoded = decodeURIComponent(list);

    expect(decoded, 'a list of every pod or event of the cluster').toMatch(/^(pods|events)\/harvester-system\?/);
    expect(decoded).toMatch(/filter=(metadata\.labels\[kubevirt\.io\]="?virt-handler|"?reason"?="?FailedCreatePodSandBox)/);
  }
});

test('the health page of a busy cluster reads under 300 KB of API answers: of each VM only what it shows', async({ page }) => {
  await sim('/sim/reset', { scenario: 'busy' });
  const sizes: { path: string; bytes: number }[] = [];

  page.on('requestfinished', async(request) => {
    const url = new URL(request.url());

    if (url.pathname.includes(CLUSTER_API)) {
      sizes.push({ path: url.pathname + url.search, bytes: (await request.sizes()).responseBodySize });
    }
  });
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/health`);
  await expect(page.getByTestId('vmmn-health-verdict')).toHaveAttribute('data-kind', 'healthy', { timeout: 30_000 });
  await expect(page.getByTestId('vmmn-health-misuse-none')).toBeVisible();
  const vms = sizes.filter((s) => s.path.includes('kubevirt.io.virtualmachines'));

  expect(vms.length).toBeGreaterThan(0);
  expect(decodeURIComponent(vms[0].path)).toContain('exclude=spec.template.spec.domain');
  expect(sizes.reduce((sum, s) => sum + s.bytes, 0), JSON.stringify(sizes)).toBeLessThan(300_000);
});

test('the editor of a busy cluster reads no pod and no event', async({ page }) => {
  await sim('/sim/reset', { scenario: 'busy' });
  const lists = recordLists(page);

  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`);
  await expect(page.getByTestId('vmmn-enabled')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('vmmn-capacity')).toBeVisible();
  expect(lists).toEqual([]);
});
