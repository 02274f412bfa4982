import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import {
  RequestFn, saveValue, SettingObject, snapshotSetting, WriteOutcome
} from '@pkg/api/setting-client';
import { configuredCondition, controllerCaughtUp } from '@pkg/core';
import { startSim, TestSim } from '../../harvester-sim/test/helpers';
import { seeded } from '../support/random';

// Two admins edit vm-migration-network at the same moment, through our own write client against the simulator:
// optimistic concurrency must let exactly one through, and the other must be able to reload and win later.
const ROUNDS = 200;
const CLUSTER = 'c-harv1';
const SETTING_URL = `/k8s/clusters/${ CLUSTER }/v1/harvesterhci.io.settings/vm-migration-network`;
const SETTING_TYPE = 'harvesterhci.io.setting';

let t: TestSim;

beforeAll(async() => {
  t = await startSim('default');
  // Every saved value rolls virt-handler out again: one node keeps the 400 rollouts short.
  for (const node of ['harvester-node-1', 'harvester-node-2']) {
    expect((await t.send('DELETE', `/sim/nodes/${ node }`, undefined)).status).toBe(200);
  }
});
afterAll(async() => {
  await t.close();
});

/** The shell store's request contract over `fetch`: resolves with the body, rejects with the body plus `_status`. */
function fetchRequest(cookie: string): RequestFn {
  return async({ url, method, data }) => {
    // Steve's links are absolute; our own URLs are relative to Rancher.
    const res = await fetch(url.startsWith('http') ? url : `${ t.url }${ url }`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body:    data === undefined ? undefined : JSON.stringify(data),
    });
    const text = await res.text();
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;

    return res.ok ? body : Promise.reject(Object.assign(body, { _status: res.status }));
  };
}

/** One admin: a browser session and every value it reviewed. */
interface Writer {
  name: 'a' | 'b';
  request: RequestFn;
  /** The value this admin has reviewed and wants stored; a loser keeps it for the next try. */
  intent?: string;
  reviewed: Set<string>;
}

let counter = 0;

/** The order of senders is seeded, so a failure can be replayed. */
const random = seeded(7);

/** A new value valid on the default cluster, different from every earlier one. */
function freshValue(): string {
  counter++;

  return JSON.stringify({
    clusterNetwork: 'vm-migration', vlan: 2 + counter, range: `192.168.${ counter % 250 }.0/24`, exclude: []
  });
}

async function load(writer: Writer): Promise<SettingObject> {
  return snapshotSetting(await writer.request({ url: SETTING_URL, method: 'GET' }) as SettingObject);
}

/** The controllers react to each write; wait until they are done so that only our writers move the object. */
async function settle(): Promise<void> {
  await t.sim.cluster(CLUSTER)?.behaviour?.idle?.();
}

async function writer(name: Writer['name']): Promise<Writer> {
  return {
    name, request: fetchRequest(await t.login('admin', 'admin')), reviewed: new Set()
  };
}

const describeOutcome = (o: WriteOutcome) => ('message' in o ? `${ o.kind }: ${ o.message }` : o.kind);

/** The writer reviews its value against what it loaded (a loser reviews its earlier value again). */
function review(w: Writer): string {
  w.intent = w.intent ?? freshValue();
  w.reviewed.add(w.intent);

  return w.intent;
}

describe('two admins saving vm-migration-network at once', () => {
  it(`lets exactly one through per round and loses no update, ${ ROUNDS } rounds`, async() => {
    const a = await writer('a');
    const b = await writer('b');
    const stored: string[] = [];
    const unsubscribe = t.sim.cluster(CLUSTER)!.store.onChange((event) => {
      const value = (event.object as { value?: string }).value ?? '';

      if (event.type === SETTING_TYPE && event.object.metadata.name === 'vm-migration-network' && value !== stored[stored.length - 1]) {
        stored.push(value);
      }
    });
    const saved: { by: Writer; value: string }[] = [];
    const wins = { a: 0, b: 0 };
    let conflicts = 0;

    for (let round = 0; round < ROUNDS; round++) {
      await settle();
      const [fromA, fromB] = await Promise.all([load(a), load(b)]);

      expect(fromA.metadata.resourceVersion).toBe(fromB.metadata.resourceVersion);
      const values = new Map<Writer, string>([[a, review(a)], [b, review(b)]]);
      const from = new Map<Writer, SettingObject>([[a, fromA], [b, fromB]]);
      // Who sends first changes from round to round, so that both sides get to win.
      const order = random() < 0.5 ? [a, b] : [b, a];
      const outcomes = await Promise.all(order.map((w) => saveValue(w.request, from.get(w)!, values.get(w)!)));
      const kinds = outcomes.map((o) => o.kind).sort();

      expect(kinds, `round ${ round }: ${ outcomes.map(describeOutcome).join('; ') }`).toStrictEqual(['conflict', 'ok']);
      const winner = order[outcomes.findIndex((o) => o.kind === 'ok')];
      const loser = winner === a ? b : a;
      const won = outcomes.find((o) => o.kind === 'ok') as Extract<WriteOutcome, { kind: 'ok' }>;

      expect(won.setting?.value).toBe(values.get(winner));
      expect((await load(loser)).value).toBe(values.get(winner));
      saved.push({ by: winner, value: values.get(winner)! });
      wins[winner.name]++;
      conflicts++;
      winner.intent = undefined;

      // The loser reloads, sees the winner's value, reviews its own again and saves it over the new version.
      await settle();
      const reloaded = await load(loser);
      const retry = await saveValue(loser.request, reloaded, review(loser));

      expect(retry.kind, `round ${ round } retry: ${ describeOutcome(retry) }`).toBe('ok');
      saved.push({ by: loser, value: loser.intent! });
      loser.intent = undefined;
    }
    unsubscribe();

    // Every value that reached the store was reviewed by the admin who wrote it, in the order they were saved.
    expect(stored).toStrictEqual(saved.map((s) => s.value));
    expect(saved.every(({ by, value }) => by.reviewed.has(value))).toBe(true);
    // The controllers ran all along: the last value is applied.
    await settle();
    const last = await load(a);

    expect(last.value).toBe(saved[saved.length - 1].value);
    expect(controllerCaughtUp(last)).toBe(true);
    expect(configuredCondition(last)?.status).toBe('True');
    expect(wins.a + wins.b).toBe(ROUNDS);
    // eslint-disable-next-line no-console
    console.log(`two admins: ${ ROUNDS } rounds, a won ${ wins.a }, b won ${ wins.b }, ${ conflicts } conflicts, ${ ROUNDS } saves after reload ok, ${ stored.length } values stored`);
  }, 30_000);
});
