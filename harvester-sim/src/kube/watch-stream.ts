import { ServerResponse } from 'node:http';
import { ObjectStore } from '../store';
import { ChangeEvent, K8sObject } from '../types';
import { ObjectFilter } from './selectors';

/** The apiserver's default watch lifetime when the client sets no `timeoutSeconds` (its minimum request timeout). */
const DEFAULT_TIMEOUT_S = 1800;

export interface WatchRequest {
  store: ObjectStore;
  /** The store type the watch follows. */
  type: string;
  /** Whether an object belongs to the watch (namespace, name, label and field selectors). */
  matches: ObjectFilter;
  /** Objects listed when the watch starts without a revision. */
  current(): K8sObject[];
  /** What an event carries: the object, or a one-row Table of it. */
  render(obj: K8sObject): unknown;
  resourceVersion: string | null;
  timeoutSeconds: number;
}

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * What a change means to a filtered watch: an object that starts matching is ADDED, one that stops matching is
 * DELETED, as the apiserver's watch cache reports them.
 */
function eventType(event: ChangeEvent, matches: ObjectFilter): WatchType | undefined {
  const was = event.kind !== 'create' && !!event.previous && matches(event.previous);
  const is = event.kind !== 'remove' && matches(event.object);

  if (event.kind === 'remove') {
    return matches(event.previous ?? event.object) ? 'DELETED' : undefined;
  }
  if (is) {
    return was ? 'MODIFIED' : 'ADDED';
  }

  return was ? 'DELETED' : undefined;
}

/** A watch from a revision etcd no longer has: HTTP 200, then an in-stream `ERROR` with a 410 `Expired` Status. */
function expired(requested: string, oldest: number): unknown {
  return {
    type:   'ERROR',
    object: {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${ requested } (${ oldest })`, reason: 'Expired', code: 410
    },
  };
}

/**
 * `?watch=true`: one JSON event a line. Without a revision (or with `0`) every current object comes first as
 * ADDED; with one, the changes after it; a compacted revision ends in the 410 error. The stream closes after
 * `timeoutSeconds`, and clients then resume from the last revision they saw.
 */
export function streamWatch(res: ServerResponse, watch: WatchRequest): void {
  const { store, matches } = watch;
  const write = (event: unknown) => res.write(`${ JSON.stringify(event) }\n`);

  res.writeHead(200, {
    'content-type': 'application/json', 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked'
  });
  // The apiserver answers a watch at once; clients wait for these headers before they count the watch as started.
  res.flushHeaders();
  const from = watch.resourceVersion;
  const deliver = (event: ChangeEvent) => {
    const type = event.type === watch.type ? eventType(event, matches) : undefined;

    if (type) {
      write({ type, object: watch.render(event.object) });
    }
  };

  if (!from || from === '0') {
    watch.current().forEach((obj) => write({ type: 'ADDED', object: watch.render(obj) }));
  } else {
    const changes = store.changesSince(Number(from));

    if (!changes || Number.isNaN(Number(from))) {
      write(expired(from, store.oldestRevision));
      res.end();

      return;
    }
    changes.forEach(deliver);
  }
  const stop = store.onChange(deliver);
  const timer = setTimeout(() => res.end(), (watch.timeoutSeconds || DEFAULT_TIMEOUT_S) * 1000);

  res.on('close', () => {
    stop();
    clearTimeout(timer);
  });
}
