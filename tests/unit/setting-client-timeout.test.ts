import {
  afterEach, beforeEach, describe, expect, it, vi
} from 'vitest';
import {
  dryRunValue, RequestFn, saveValue, SettingObject, WRITE_TIMEOUT_MS, WriteOptions, WriteOutcome
} from '@pkg/api/setting-client';

// The write client never waits for ever: a dry run or a save with no answer within the time is `failed`, and its
// late answer is dropped. Fake timers, so 30 s pass at once.
const URL = 'https://rancher.example/k8s/clusters/c-harv1/v1/harvesterhci.io.settings/vm-migration-network';
const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[]}';

const setting = (): SettingObject => ({
  id:       'vm-migration-network',
  type:     'harvesterhci.io.setting',
  metadata: { name: 'vm-migration-network', resourceVersion: '41' },
  value:    '',
  links:    { update: URL },
});

/** A request that answers only when told to: `answer` resolves it, `fail` rejects it as the shell store does. */
function held() {
  let answer: (body: unknown) => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const request: RequestFn = () => new Promise((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });

  return {
    request, answer: (body: unknown) => answer(body), fail: (err: unknown) => fail(err)
  };
}

/** What reaches a held request after its timeout. */
type Late = (h: ReturnType<typeof held>) => void;
type Write = (request: RequestFn, options?: WriteOptions) => Promise<WriteOutcome>;

const WRITES: [string, Write][] = [
  ['dryRunValue', (request, options) => dryRunValue(request, 'c-harv1', setting(), VALUE, options)],
  ['saveValue', (request, options) => saveValue(request, setting(), VALUE, options)],
];

/** Settles `work` (or not) after `ms` of fake time; `undefined` while it is still pending. */
async function after<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let result: T | undefined;

  work.then((r) => {
    result = r;
  });
  await vi.advanceTimersByTimeAsync(ms);

  return result;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the write timeout', () => {
  it('is 30 s', () => {
    expect(WRITE_TIMEOUT_MS).toBe(30_000);
  });

  it.each<[string, number | undefined, number, WriteOutcome | undefined]>([
    ['the default: still waiting just before 30 s', undefined, 29_999, undefined],
    ['the default: failed at 30 s', undefined, 30_000, {
      kind: 'failed', message: 'the server did not answer within 30 s', timeoutSeconds: 30
    }],
    ['injected 5 s: still waiting at 4.999 s', 5_000, 4_999, undefined],
    ['injected 5 s: failed at 5 s', 5_000, 5_000, {
      kind: 'failed', message: 'the server did not answer within 5 s', timeoutSeconds: 5
    }],
    ['injected 1.5 s', 1_500, 1_500, {
      kind: 'failed', message: 'the server did not answer within 1.5 s', timeoutSeconds: 1.5
    }],
  ])('%s', async(_name, timeoutMs, elapsed, outcome) => {
    for (const [, write] of WRITES) {
      const { request } = held();
      const options = timeoutMs === undefined ? undefined : { timeoutMs };

      expect(await after(write(request, options), elapsed)).toStrictEqual(outcome);
    }
  });

  it.each(WRITES)('%s: an answer in time wins, and leaves no timer behind', async(_name, write) => {
    const h = held();
    const work = write(h.request);

    await vi.advanceTimersByTimeAsync(29_000);
    h.answer({ ...setting(), value: VALUE });
    expect((await work).kind).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each(WRITES)('%s: a failure in time is classified as ever', async(_name, write) => {
    const h = held();
    const work = write(h.request);

    h.fail({ _status: 503, message: 'cluster agent disconnected' });
    expect(await work).toStrictEqual({
      kind: 'failed', status: 503, message: 'cluster agent disconnected'
    });
  });

  it.each<[string, Late]>([
    ['an answer', (h) => h.answer({ ...setting(), value: VALUE })],
    ['a 409', (h) => h.fail({ _status: 409, message: 'the object has been modified' })],
    ['a network error', (h) => h.fail(new TypeError('Network Error'))],
  ])('drops %s that comes after the timeout', async(_name, late) => {
    for (const [, write] of WRITES) {
      const h = held();
      const outcomes: WriteOutcome[] = [];

      write(h.request).then((o) => outcomes.push(o));
      await vi.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
      late(h);
      await vi.runAllTimersAsync();
      expect(outcomes).toStrictEqual([{
        kind: 'failed', message: 'the server did not answer within 30 s', timeoutSeconds: 30
      }]);
    }
  });

  it('still writes nothing without a link, at once', async() => {
    const h = held();

    expect(await after(saveValue(h.request, { ...setting(), links: {} }, VALUE), 0)).toStrictEqual({ kind: 'forbidden', message: '' });
  });
});
