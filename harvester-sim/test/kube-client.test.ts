import {
  ApiException, ApisApi, CoreV1Api, CustomObjectsApi, KubeConfig, KubernetesObject, KubernetesObjectApi, makeInformer, PatchStrategy
} from '@kubernetes/client-node';
import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { startSim, TestSim } from './helpers';

// A Kubernetes client nobody here wrote, `@kubernetes/client-node`, against the simulator's `/k8s/clusters/<id>`
// API with the kubeconfig the shell's "Download KubeConfig" gets: where the two disagree, the simulator is wrong.
const SETTING = {
  group: 'harvesterhci.io', version: 'v1beta1', plural: 'settings', name: 'vm-migration-network'
};
const VALID = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

let t: TestSim;
let kc: KubeConfig;

type Setting = KubernetesObject & { value?: string };

async function apiError(promise: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiException) {
      return { code: err.code, body: typeof err.body === 'string' ? JSON.parse(err.body) : err.body };
    }
    throw err;
  }
  throw new Error('the request succeeded');
}

async function setting(): Promise<Setting> {
  return kc.makeApiClient(CustomObjectsApi).getClusterCustomObject(SETTING);
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;

  while (!check()) {
    if (Date.now() > end) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async() => {
  t = await startSim();
  // The shell of Rancher 2.13+ creates an ext.cattle.io kubeconfig and downloads its status.value.
  const created = await t.send('POST', '/v1/ext.cattle.io.kubeconfigs', { type: 'ext.cattle.io.kubeconfig', spec: { clusters: ['c-harv1'], includeDefaultEntry: false } });

  expect(created.status).toBe(201);
  kc = new KubeConfig();
  kc.loadFromString(String((created.body.status as Record<string, unknown>).value));
});
afterAll(() => t.close());

describe('@kubernetes/client-node against the simulator', () => {
  it('authenticates with the kubeconfig over TLS and discovers the groups, versions and resources', async() => {
    expect(kc.getCurrentCluster()?.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/k8s\/clusters\/c-harv1$/);
    const groups = await kc.makeApiClient(ApisApi).getAPIVersions();

    expect(groups.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['harvesterhci.io', 'kubevirt.io', 'k8s.cni.cncf.io', 'apiextensions.k8s.io']));
    const core = await kc.makeApiClient(CoreV1Api).getAPIResources();

    expect(core.resources.find((r) => r.name === 'pods')).toMatchObject({
      namespaced: true, kind: 'Pod', shortNames: ['po']
    });
    // KubernetesObjectApi finds a kind's plural by discovery, as kubectl does.
    const read = await KubernetesObjectApi.makeApiClient(kc).read({
      apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: SETTING.name }
    });

    expect(read.metadata?.name).toBe(SETTING.name);
  });

  it('refuses a request without a token, or with one Rancher never issued', async() => {
    const anonymous = new KubeConfig();

    anonymous.loadFromOptions({
      clusters: [{ ...kc.getCurrentCluster()!, name: 'c' }],
      users:    [{ name: 'u', token: 'kubeconfig-u-nobody:nothing' }],
      contexts: [{
        name: 'x', cluster: 'c', user: 'u'
      }],
      currentContext: 'x'
    });

    expect((await apiError(anonymous.makeApiClient(CoreV1Api).listNode())).code).toBe(401);
  });

  it('lists with label and field selectors, and pages with limit and continue', async() => {
    const core = kc.makeApiClient(CoreV1Api);
    const handlers = await core.listNamespacedPod({ namespace: 'harvester-system', labelSelector: 'kubevirt.io=virt-handler' });

    expect(handlers.items.length).toBeGreaterThan(0);
    expect(handlers.items.every((p) => p.metadata?.labels?.['kubevirt.io'] === 'virt-handler')).toBe(true);
    const node = handlers.items[0].spec?.nodeName as string;
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${ node }`, labelSelector: 'kubevirt.io in (virt-handler)' });

    expect(onNode.items.map((p) => p.metadata?.name)).toEqual([handlers.items[0].metadata?.name]);
    expect((await apiError(core.listNamespacedPod({ namespace: 'harvester-system', fieldSelector: 'spec.nothing=x' }))).body.message).toBe('field label not supported: spec.nothing');
    const first = await core.listNamespacedPod({ namespace: 'harvester-system', limit: 1 });
    const rest = await core.listNamespacedPod({ namespace: 'harvester-system', _continue: first.metadata?._continue });
    const all = await core.listNamespacedPod({ namespace: 'harvester-system' });

    expect(first.items).toHaveLength(1);
    expect(first.metadata?.remainingItemCount).toBe(all.items.length - 1);
    expect([...first.items, ...rest.items].map((p) => p.metadata?.name)).toEqual(all.items.map((p) => p.metadata?.name));
  });

  it('answers a stale replace with 409 and the apiserver\'s Conflict status', async() => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const current = await setting();

    await objects.patch<Setting>({
      ...current, metadata: { name: SETTING.name }, apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting'
    }, undefined, undefined, 'test', undefined, PatchStrategy.MergePatch);
    const stale = await apiError(objects.replace({ ...current, value: '' }));

    expect(stale.code).toBe(409);
    expect(stale.body).toMatchObject({
      kind: 'Status', reason: 'Conflict', message: 'Operation cannot be fulfilled on settings.harvesterhci.io "vm-migration-network": the object has been modified; please apply your changes to the latest version and try again'
    });
  });

  it('runs the webhook on a server-side dry run and stores nothing', async() => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const before = await setting();
    const denied = await apiError(objects.replace({ ...before, value: '{"clusterNetwork":"mgmt","vlan":5000,"range":"192.168.1.0/24"}' }, undefined, 'All'));

    expect(denied.code).toBe(422);
    expect(denied.body).toMatchObject({ reason: 'Invalid', message: 'admission webhook "validator.harvesterhci.io" denied the request: the valid value range for VLAN IDs is 0 to 4094' });
    expect((denied.body.details as { causes: unknown[] }).causes).toEqual([{
      reason: 'FieldValueInvalid', field: 'value', message: 'the valid value range for VLAN IDs is 0 to 4094'
    }]);
    const admitted = await objects.replace<Setting>({ ...before, value: VALID }, undefined, 'All');

    expect(admitted.value).toBe(VALID);
    expect(await setting()).toEqual(before);
  });

  it('applies merge, JSON and apply patches; strategic merge is 415 on a custom resource and works on a pod', async() => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const ref = {
      apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: SETTING.name }
    };
    const patch = (body: object, strategy: PatchStrategy, manager?: string) => objects.patch({ ...ref, ...body } as KubernetesObject, undefined, undefined, manager, undefined, strategy);

    await patch({ value: VALID }, PatchStrategy.MergePatch);
    expect((await setting()).value).toBe(VALID);
    // The generated client sends a JSON patch (its first accepted patch type); a failed `test` is the apiserver's 422.
    const custom = kc.makeApiClient(CustomObjectsApi);
    const failedTest = await apiError(custom.patchClusterCustomObject({
      ...SETTING,
      body: [{
        op: 'test', path: '/value', value: 'other'
      }, {
        op: 'replace', path: '/value', value: ''
      }]
    }));

    expect(failedTest.code).toBe(422);
    expect((await custom.patchClusterCustomObject({
      ...SETTING,
      body: [{
        op: 'test', path: '/value', value: VALID
      }, {
        op: 'replace', path: '/value', value: ''
      }]
    })).value).toBe('');
    expect((await apiError(patch({ value: VALID }, PatchStrategy.ServerSideApply))).code).toBe(422);
    await patch({ value: VALID }, PatchStrategy.ServerSideApply, 'sim-test');
    expect((await setting()).value).toBe(VALID);
    const strategic = await apiError(patch({ value: '' }, PatchStrategy.StrategicMergePatch));

    expect(strategic.code).toBe(415);
    const pod = (await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'harvester-system', limit: 1 })).items[0];
    const labelled = await objects.patch({
      apiVersion: 'v1',
      kind:       'Pod',
      metadata:   {
        name: pod.metadata?.name, namespace: 'harvester-system', labels: { checked: 'yes' }
      }
    }, undefined, undefined, undefined, undefined, PatchStrategy.StrategicMergePatch);

    expect(labelled.metadata?.labels).toMatchObject({ ...pod.metadata?.labels, checked: 'yes' });
  });

  it('keeps an informer in step: resumes a watch from its revision, and lists again after a 410 Expired', async() => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const list = async() => custom.listClusterCustomObject({
      group: SETTING.group, version: SETTING.version, plural: SETTING.plural
    });
    let lists = 0;
    const informer = makeInformer<Setting>(kc, '/apis/harvesterhci.io/v1beta1/settings', async() => {
      lists += 1;

      return list();
    });
    const value = () => informer.get(SETTING.name)?.value;
    const write = async(v: string) => t.send('PUT', '/sim/objects?cluster=c-harv1', {
      ...(await setting()), value: v, status: {}
    });

    await write('');
    await informer.start();
    await until(() => value() === '');
    await informer.stop();
    await write(VALID);
    await informer.start();
    await until(() => value() === VALID);
    expect(lists).toBe(1);
    await informer.stop();
    await write('');
    await t.send('POST', '/sim/clusters/c-harv1/compact', {});
    await informer.start();
    await until(() => value() === '');
    expect(lists).toBe(2);
    await informer.stop();
  });
});
