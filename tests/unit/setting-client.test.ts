import { describe, expect, it } from 'vitest';
import {
  dryRunValue, RequestFn, saveValue, SettingObject, snapshotSetting, WEBHOOK_PREFIX, WRITE_TIMEOUT_MS, WriteOutcome
} from '@pkg/api/setting-client';

const STEVE_URL = 'https://rancher.example/k8s/clusters/c-harv1/v1/harvesterhci.io.settings/vm-migration-network';
const KUBE_URL = '/k8s/clusters/c-harv1/apis/harvesterhci.io/v1beta1/settings/vm-migration-network?dryRun=All';
const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[]}';
const DENIAL = `${ WEBHOOK_PREFIX }invalid vlan 5000, it must be in [1, 4094]`;
const CONFLICT = 'Operation cannot be fulfilled on settings.harvesterhci.io "vm-migration-network": the object has been modified';

/** The Setting as Steve serves it, with what Steve adds. */
function steveSetting(): SettingObject {
  return {
    id:         'vm-migration-network',
    type:       'harvesterhci.io.setting',
    apiVersion: 'harvesterhci.io/v1beta1',
    kind:       'Setting',
    metadata:   {
      name: 'vm-migration-network', resourceVersion: '41', uid: 'u-1', state: { name: 'active' }, fields: ['vm-migration-network'], relationships: []
    } as SettingObject['metadata'],
    value:   '',
    default: '',
    links:   { self: STEVE_URL, update: STEVE_URL },
    status:  { conditions: [{ type: 'configured', status: 'True' }] },
  };
}

interface Call {
  url: string;
  method: string;
  data?: unknown;
}

/** A RequestFn that records what it was asked and answers with `result` or rejects with `error`, as the shell store does. */
function stub(answer: { result?: unknown; error?: unknown }) {
  const calls: Call[] = [];
  const request: RequestFn = (options) => {
    calls.push(options);

    return 'error' in answer ? Promise.reject(answer.error) : Promise.resolve(answer.result);
  };

  return { request, calls };
}

const rejected = (status: number, message?: string) => ({ error: { _status: status, ...(message === undefined ? {} : { message }) } });

// Both writes: what each failure means to the UI.
const COMMON: [string, { error: unknown }, WriteOutcome][] = [
  ['409 is a conflict', rejected(409, CONFLICT), { kind: 'conflict', message: CONFLICT }],
  ['403 is forbidden', rejected(403, 'settings is forbidden'), { kind: 'forbidden', message: 'settings is forbidden' }],
  ['a 400 webhook denial is denied, message kept', rejected(400, DENIAL), {
    kind: 'denied', status: 400, message: DENIAL
  }],
  ['a 422 webhook denial is denied', rejected(422, DENIAL), {
    kind: 'denied', status: 422, message: DENIAL
  }],
  ['a webhook failing inside (500) is denied too: the value is the reason', rejected(500, `${ WEBHOOK_PREFIX }failed to unmarshal the vm-migration-network setting value x`), {
    kind: 'denied', status: 500, message: `${ WEBHOOK_PREFIX }failed to unmarshal the vm-migration-network setting value x`
  }],
  ['500 failed', rejected(500, 'etcdserver: request timed out'), {
    kind: 'failed', status: 500, message: 'etcdserver: request timed out'
  }],
  ['502 without message failed, named by its status', rejected(502), {
    kind: 'failed', status: 502, message: 'HTTP 502'
  }],
  ['503 failed', rejected(503, 'cluster agent disconnected'), {
    kind: 'failed', status: 503, message: 'cluster agent disconnected'
  }],
  ['a network error failed', { error: new TypeError('Network Error') }, {
    kind: 'failed', status: undefined, message: 'Network Error'
  }],
  ['a rejection without anything failed as a network error', { error: {} }, {
    kind: 'failed', status: undefined, message: 'network error'
  }],
  ['a rejection that is no object keeps its text', { error: 'socket hang up' }, {
    kind: 'failed', status: undefined, message: 'socket hang up'
  }],
];

describe('dryRunValue', () => {
  it.each<[string, { result?: unknown; error?: unknown }, WriteOutcome]>([
    ['200 is ok', { result: {} }, { kind: 'ok' }],
    ...COMMON,
    ['404 means no dry run here', rejected(404, 'the server could not find the requested resource'), {
      kind: 'unsupported', status: 404, message: 'the server could not find the requested resource'
    }],
    ['405 means no dry run here', rejected(405), {
      kind: 'unsupported', status: 405, message: ''
    }],
    ['a webhook that does not support dry run is unsupported, not denied', rejected(400, 'admission webhook "validator.harvesterhci.io" does not support dry run'), {
      kind: 'unsupported', status: 400, message: 'admission webhook "validator.harvesterhci.io" does not support dry run'
    }],
    ['501 is unsupported', rejected(501), {
      kind: 'unsupported', status: 501, message: ''
    }],
  ])('%s', async(_, answer, outcome) => {
    const { request } = stub(answer);

    expect(await dryRunValue(request, 'c-harv1', steveSetting(), VALUE)).toStrictEqual(outcome);
  });

  it('PUTs the raw Kubernetes object with the new value to the Kubernetes path, with dryRun=All', async() => {
    const { request, calls } = stub({ result: {} });

    await dryRunValue(request, 'c-harv1', steveSetting(), VALUE);

    expect(calls).toStrictEqual([{
      url:    KUBE_URL,
      method: 'PUT',
      data:   {
        apiVersion: 'harvesterhci.io/v1beta1',
        kind:       'Setting',
        metadata:   {
          name: 'vm-migration-network', resourceVersion: '41', uid: 'u-1'
        },
        value:   VALUE,
        default: '',
        status:  { conditions: [{ type: 'configured', status: 'True' }] },
      },
      // The deadline goes to the transport too (the shell hands request options to axios, which ends the request).
      timeout: WRITE_TIMEOUT_MS,
    }]);
  });

  it('escapes the cluster id', async() => {
    const { request, calls } = stub({ result: {} });

    await dryRunValue(request, 'c/1', steveSetting(), VALUE);

    expect(calls[0].url.startsWith('/k8s/clusters/c%2F1/apis/')).toBe(true);
  });
});

describe('saveValue', () => {
  it.each<[string, { result?: unknown; error?: unknown }, WriteOutcome]>([
    ...COMMON,
    ['400 without the webhook\'s words is still a refusal of the value', rejected(400, 'bad value'), {
      kind: 'denied', status: 400, message: 'bad value'
    }],
    ['404 failed: there is no dry-run excuse on a real write', rejected(404), {
      kind: 'failed', status: 404, message: 'HTTP 404'
    }],
  ])('%s', async(_, answer, outcome) => {
    const { request } = stub(answer);

    expect(await saveValue(request, steveSetting(), VALUE)).toStrictEqual(outcome);
  });

  it('200 is ok and carries the saved object', async() => {
    const saved = { ...steveSetting(), value: VALUE };
    const { request } = stub({ result: saved });

    expect(await saveValue(request, steveSetting(), VALUE)).toStrictEqual({ kind: 'ok', setting: saved });
  });

  it('PUTs the Steve object to its update link with the resourceVersion it was loaded with', async() => {
    const { request, calls } = stub({ result: {} });

    await saveValue(request, steveSetting(), VALUE);

    expect(calls).toStrictEqual([{
      url: STEVE_URL, method: 'PUT', data: { ...steveSetting(), value: VALUE }, timeout: WRITE_TIMEOUT_MS
    }]);
  });

  it('writes nothing without a link to write to', async() => {
    const { request, calls } = stub({ result: {} });

    expect(await saveValue(request, { ...steveSetting(), links: {} }, VALUE)).toStrictEqual({ kind: 'forbidden', message: '' });
    expect(calls).toStrictEqual([]);
  });
});

describe('snapshotSetting', () => {
  it('keeps the resourceVersion it was taken at when the live object moves on', async() => {
    const live = steveSetting();
    const snapshot = snapshotSetting(live);
    const { request, calls } = stub({ result: {} });

    live.metadata.resourceVersion = '42';
    live.value = 'someone else';
    await saveValue(request, snapshot, VALUE);

    expect((calls[0].data as SettingObject).metadata.resourceVersion).toBe('41');
    expect(snapshot.value).toBe('');
  });
});

describe('nothing of the Setting is lost on a write', () => {
  /** A Setting as Harvester stores it (`customized`, `source`), with labels, annotations and fields no code here knows. */
  function fullSetting(): SettingObject {
    const s = steveSetting() as SettingObject & Record<string, unknown>;

    s.customized = true;
    s.source = 'env';
    s.futureField = { nested: ['kept', 1] };
    s.metadata = {
      ...s.metadata,
      labels:      { 'team.example/owner': 'net' },
      annotations: { 'vm-migration-network.settings.harvesterhci.io/hash': 'abc', 'example/x': 'y' },
      finalizers:  ['example/keep'],
    } as SettingObject['metadata'];

    return s;
  }

  const UNKNOWN = ['customized', 'source', 'futureField'];

  it('the save sends every field of the object as read, only value changed', async() => {
    const { request, calls } = stub({ result: {} });

    await saveValue(request, snapshotSetting(fullSetting()), VALUE);
    const sent = calls[0].data as Record<string, unknown>;

    expect(sent).toStrictEqual({ ...fullSetting(), value: VALUE });
  });

  it('the dry run sends the Kubernetes object with every field but Steve\'s additions', async() => {
    const { request, calls } = stub({ result: {} });

    await dryRunValue(request, 'c-harv1', snapshotSetting(fullSetting()), VALUE);
    const sent = calls[0].data as Record<string, unknown> & { metadata: Record<string, unknown> };

    for (const key of UNKNOWN) {
      expect(sent[key], key).toStrictEqual(fullSetting()[key as keyof SettingObject]);
    }
    expect(sent.metadata.labels).toStrictEqual({ 'team.example/owner': 'net' });
    expect(sent.metadata.annotations).toStrictEqual({ 'vm-migration-network.settings.harvesterhci.io/hash': 'abc', 'example/x': 'y' });
    expect(sent.metadata.finalizers).toStrictEqual(['example/keep']);
    expect(Object.keys(sent).sort()).toStrictEqual(['apiVersion', 'customized', 'default', 'futureField', 'kind', 'metadata', 'source', 'status', 'value']);
  });

  it('leaves out only the shell\'s own bookkeeping', () => {
    const shellCopy = {
      ...fullSetting(), __clone: true, __rehydrate: 'cluster'
    } as SettingObject;

    expect(snapshotSetting(shellCopy)).toStrictEqual(fullSetting());
  });
});
