import { reactive } from 'vue';
import { Store } from 'vuex';
import { FleetRow, summarizeFleetCluster } from '../core';
import {
  FLEET_READ_POLICY, FleetReadPolicy, readTimeoutMs, refill, RowReadState, rowsToRead
} from '../core/fleet-schedule';
import { fetchClusterSummary, FleetCluster } from '../api/cluster-summary';
import { shellPage } from './useShellPage';

/** How often the reader looks for rows that are due. */
export const FLEET_TICK_MS = 500;

/** How long finished answers wait to be shown together. */
export const FLEET_BATCH_MS = 100;

/** A fleet this big has its answers shown together less often (`LARGE_FLEET_BATCH_MS`). */
const LARGE_FLEET = 200;
const LARGE_FLEET_BATCH_MS = 500;

/** A row's last answer: the table shows "Loading…" until a cluster has one. */
export interface FleetEntry {
  row: FleetRow;
  /** Epoch ms of the answer. */
  fetchedAt: number;
}

/** One tab's reader of fleet rows: the overview and the panels on Harvester's pages share it. */
export interface FleetReader {
  entries: Record<string, FleetEntry>;
  /** The overview's clusters (Rancher's list); undefined when the overview is gone. */
  setListed(clusters: FleetCluster[] | undefined): void;
  /** A panel's cluster: read as a row on screen while held; returns the release. */
  hold(cluster: FleetCluster): () => void;
  /** Rows the user can see; undefined when the view cannot tell (every row counts as on screen). */
  setOnScreen(ids: Set<string> | undefined): void;
  /** Reads a cluster at the next tick, whatever its schedule (it appeared, changed or connected). */
  readSoon(id: string): void;
  /** Starts the clock while anyone uses the reader; returns the stop. */
  start(): () => void;
  /** Reads every row now (tests, and "refresh"). */
  readAll(): Promise<void>;
}

interface Bookkeeping {
  startedAt?: number;
  finishedAt?: number;
  /** Asked to read again while a read was under way: read again as soon as it ends. */
  again?: boolean;
  inFlight: boolean;
  failures: number;
  busy: boolean;
}

const readers = new WeakMap<object, FleetReader>();

/**
 * The rows worth reading often: a rollout, a stuck or failing network, or a row whose state just changed. A cluster
 * that cannot be read is not among them: its failures back it off, and Rancher's list says when it connects.
 */
function isBusy(before: FleetRow | undefined, after: FleetRow): boolean {
  return ['rollingOut', 'stuck', 'failed'].includes(after.state) || (!!before && before.state !== after.state);
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

function createReader(store: Store<unknown>, policy: FleetReadPolicy): FleetReader {
  const { managementRequest: request } = shellPage(store);
  const entries = reactive<Record<string, FleetEntry>>({});
  const books = new Map<string, Bookkeeping>();
  const held = new Map<string, { cluster: FleetCluster; count: number }>();
  let listed: FleetCluster[] | undefined;
  let onScreen: Set<string> | undefined;
  let tokens = policy.burst;
  let lastTick = Date.now();
  let users = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let pending: (() => void)[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const clusters = (): Map<string, FleetCluster> => new Map([...(listed ?? []).map((c) => [c.id, c] as const), ...[...held].map(([id, h]) => [id, h.cluster] as const)]);
  const book = (id: string): Bookkeeping => books.get(id) ?? books.set(id, {
    inFlight: false, failures: 0, busy: true
  }).get(id) as Bookkeeping;

  // Answers arrive one by one; each would re-render the whole table. They are applied together, at most every
  // FLEET_BATCH_MS, so 50 clusters cost a few renders rather than 50.
  function applySoon(change: () => void): void {
    pending.push(change);
    // A big fleet's table costs more to render: while its rows pour in, they are shown a few times a second.
    flushTimer ??= setTimeout(() => {
      const changes = pending;

      pending = [];
      flushTimer = undefined;
      changes.forEach((apply) => apply());
    }, books.size > LARGE_FLEET ? LARGE_FLEET_BATCH_MS : FLEET_BATCH_MS);
  }

  async function read(cluster: FleetCluster): Promise<void> {
    const state = book(cluster.id);

    if (state.inFlight) {
      return; // never two reads of one cluster: a silent cluster holds at most one request of each kind
    }
    state.inFlight = true;
    state.startedAt = Date.now();
    let row: FleetRow;

    try {
      const inputs = await fetchClusterSummary(request, cluster, readTimeoutMs(state.failures, policy));

      row = summarizeFleetCluster(inputs);
      state.failures = inputs.unreachable?.kind === 'failed' ? state.failures + 1 : 0;
      // A failing cluster is read as a busy one, as often as its back-off allows.
      state.busy = isBusy(entries[cluster.id]?.row, row) || state.failures > 0;
    } finally {
      state.inFlight = false;
      state.finishedAt = Date.now();
      if (state.again) {
        state.again = false;
        state.startedAt = undefined;
      }
    }
    if (books.size && [...books.values()].some((b) => b.startedAt === undefined)) {
      tickSoon(); // rows never read yet take the room this read made, without waiting for the clock
    }
    // The table changes only here, in batches: starting a read changes nothing it shows.
    applySoon(() => {
      if (books.has(cluster.id)) {
        entries[cluster.id] = { row, fetchedAt: Date.now() };
      }
    });
  }

  /** Starts the reads that are due; `atLeast` tops the budget up (a tab shown again catches up at once). */
  function tick(atLeast = 0): void {
    const now = Date.now();

    if (!users) {
      return; // nobody shows a row: what is due waits for the next one who does
    }
    tokens = Math.max(refill(tokens, now - lastTick, policy), atLeast);
    lastTick = now;
    if (pageHidden()) {
      return; // nothing is read while nobody can see it
    }
    const known = clusters();
    const rows: Record<string, RowReadState> = {};

    for (const id of books.keys()) {
      if (!known.has(id)) {
        books.delete(id);
        delete entries[id];
      }
    }
    for (const [id, cluster] of known) {
      rows[id] = { ...book(id), onScreen: held.has(id) || !onScreen || onScreen.has(id) };
      if (held.has(id)) {
        // A panel is one cluster's page, looked at: read it as often as a busy row (one read every 5 s).
        rows[id].busy = true;
      }
      if (!cluster.connected) {
        // Nothing to ask; Rancher's list says when it connects.
        rows[id].busy = false;
        rows[id].costless = true;
      }
    }
    for (const id of rowsToRead(rows, now, tokens, policy)) {
      tokens -= book(id).startedAt === undefined || rows[id].costless ? 0 : 1;
      read(known.get(id) as FleetCluster);
    }
  }

  // Reads that end together (answers come in bursts) make room once: one tick for them all, not one each.
  let tickQueued = false;

  function tickSoon(): void {
    if (!tickQueued) {
      tickQueued = true;
      setTimeout(() => {
        tickQueued = false;
        tick();
      });
    }
  }

  function catchUp(): void {
    if (!pageHidden()) {
      // Back in view: the budget refills at once, so the rows on screen are current again within a tick or two.
      tick(policy.maxInFlight);
    }
  }

  return {
    entries,
    setListed(next) {
      listed = next;
      if (next) {
        tick();
      }
    },
    hold(cluster) {
      const current = held.get(cluster.id);

      held.set(cluster.id, { cluster, count: (current?.count ?? 0) + 1 });
      tick();

      return () => {
        const now = held.get(cluster.id);

        if (now && now.count > 1) {
          now.count -= 1;
        } else {
          held.delete(cluster.id);
        }
      };
    },
    setOnScreen(ids) {
      onScreen = ids;
    },
    readSoon(id) {
      const state = book(id);

      if (state.inFlight) {
        state.again = true;
      } else {
        state.startedAt = undefined;
        tick();
      }
    },
    start() {
      users += 1;
      if (users === 1) {
        lastTick = Date.now();
        // Rows last read before a quiet row's interval are read again at once, as on a first visit.
        for (const state of books.values()) {
          if (!state.inFlight && (state.finishedAt ?? 0) < lastTick - policy.quietMs) {
            state.startedAt = undefined;
          }
        }
        timer = setInterval(() => tick(), FLEET_TICK_MS);
        if (typeof document !== 'undefined') {
          document.addEventListener('visibilitychange', catchUp);
        }
      }

      return () => {
        users -= 1;
        if (users === 0) {
          clearInterval(timer);
          clearTimeout(flushTimer);
          // Answers still waiting are kept (the next page to show them starts from them), and the batch starts anew.
          flushTimer = undefined;
          pending.splice(0).forEach((apply) => apply());
          if (typeof document !== 'undefined') {
            document.removeEventListener('visibilitychange', catchUp);
          }
        }
      };
    },
    async readAll() {
      await Promise.all([...clusters().values()].map(read));
    },
  };
}

/** The reader of this tab (one per shell store). */
export function fleetReader(store: Store<unknown>, policy: FleetReadPolicy = FLEET_READ_POLICY): FleetReader {
  let reader = readers.get(store);

  if (!reader) {
    reader = createReader(store, policy);
    readers.set(store, reader);
  }

  return reader;
}
