import { WebSocket } from 'ws';
import { SteveApi, RequestContext, resolveType } from './api';
import { formatResource } from './steve';
import { ChangeEvent } from './types';
import { idOf } from './store';
import { labelFilter, ObjectFilter } from './kube/selectors';

interface Watch {
  resourceType: string;
  id?: string;
  namespace?: string;
  selector?: string;
  mode?: string;
  debounceMs?: number;
  timer?: NodeJS.Timeout;
  /** When the last `resource.changes` went out (mode `resource.changes`). */
  lastNotice?: number;
  /** The selector, parsed once when the watch starts. */
  matches?: ObjectFilter;
}

/** Steve pings every 30 s. */
const PING_MS = 30_000;
/** The server's debounce of `resource.changes` when the subscription gives none. */
const DEFAULT_DEBOUNCE_MS = 5000;

/** Types Steve serves itself and lets a client watch: its schemas and its per-type counts. */
const STEVE_OWN_TYPES = ['schema', 'count'];

/** The fields a server frame repeats from the subscription it answers. */
function stamp(watch: Watch): Watch {
  return {
    resourceType: watch.resourceType, id: watch.id, namespace: watch.namespace, selector: watch.selector, mode: watch.mode
  };
}

/**
 * Steve's `/v1/subscribe` websocket for one API: standard watches push `resource.create|change|remove`
 * with the formatted object; `mode: "resource.changes"` watches push a debounced `resource.changes`
 * with no data (the paginated list then refetches its page at that revision).
 */
export class WatchHub {
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly api: SteveApi) {
    api.store.onChange((event) => this.publish(event));
  }

  attach(socket: WebSocket, ctx: RequestContext): void {
    const watches: Watch[] = [];
    const send = (msg: unknown) => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(msg));
    const ping = setInterval(() => send({ name: 'ping', data: { version: this.api.rancher?.serverVersion ?? 'v2.15.0' } }), PING_MS);
    const onEvent = (event: ChangeEvent) => {
      for (const watch of watches) {
        this.deliver(watch, event, ctx, send);
      }
    };

    this.sockets.add(socket);
    this.listeners.add(onEvent);
    socket.on('message', (raw) => {
      let msg: Watch & { stop?: boolean; resourceVersion?: string };

      try {
        msg = JSON.parse(String(raw));
      } catch (err) {
        send({ name: 'resource.error', data: { error: `failed to decode subscription: ${ (err as Error).message }` } });

        return;
      }
      // A watch is keyed by all of these: a second start of the same one is ignored, a stop of an unknown one says nothing.
      const same = (w: Watch) => w.resourceType === msg.resourceType && w.id === msg.id && w.namespace === msg.namespace && w.selector === msg.selector && w.mode === msg.mode && (w.debounceMs ?? 0) === (msg.debounceMs ?? 0);
      const index = watches.findIndex(same);

      if (msg.stop) {
        if (index >= 0) {
          clearTimeout(watches[index].timer);
          watches.splice(index, 1);
          send({ name: 'resource.stop', ...stamp(msg) });
        }

        return;
      }
      if (index >= 0) {
        return;
      }
      const def = resolveType(this.api, msg.resourceType ?? '');
      // Steve's own `schema` and `count` are watchable too (the shell watches both); they have no schema of a resource.
      const steveOwn = STEVE_OWN_TYPES.includes(msg.resourceType ?? '');
      let matches: ObjectFilter | undefined;
      let refusal = steveOwn ? undefined : !def ? `failed to find schema ${ msg.resourceType }` : !ctx.access(def.id).list ? 'the server does not allow this method on the requested resource' : undefined;

      // Steve parses a watch's selector as Kubernetes does (`labels.Parse`), the grammar the Kubernetes path uses too.
      try {
        matches = labelFilter(msg.selector ?? null);
      } catch (err) {
        refusal = refusal ?? (err as Error).message;
      }

      if (refusal) {
        // Steve always follows an error with a stop; the shell decides from the error's text whether to watch again.
        send({
          name: 'resource.error', ...stamp(msg), data: { error: refusal }
        });
        send({ name: 'resource.stop', ...stamp(msg) });

        return;
      }
      const watch: Watch = {
        ...stamp(msg), debounceMs: msg.debounceMs, matches
      };
      const since = Number(msg.resourceVersion);
      const missed = since > 0 ? this.api.store.changesSince(since) : [];

      if (!missed) {
        // The revision is older than what the cache still holds: the watch is never set up ("too old", then a stop,
        // no start); the shell lists again and watches from the new revision. The SQL cache's text (2.12 to 2.15).
        send({
          name: 'resource.error', ...stamp(watch), data: { error: 'resourceversion too old' }
        });
        send({ name: 'resource.stop', ...stamp(watch) });

        return;
      }
      watches.push(watch);
      send({ name: 'resource.start', ...stamp(watch) });
      for (const event of missed) {
        this.deliver(watch, event, ctx, send);
      }
    });
    socket.on('close', () => {
      clearInterval(ping);
      watches.forEach((w) => clearTimeout(w.timer));
      this.listeners.delete(onEvent);
      this.sockets.delete(socket);
    });
  }

  /** Closes every socket (fault injection: the shell must notice and reconnect). */
  dropAll(): number {
    const count = this.sockets.size;

    for (const socket of this.sockets) {
      socket.terminate();
    }

    return count;
  }

  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  private publish(event: ChangeEvent): void {
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  private deliver(watch: Watch, event: ChangeEvent, ctx: RequestContext, send: (msg: unknown) => void): void {
    const def = resolveType(this.api, watch.resourceType);

    if (!def || def.id !== event.type || !ctx.access(def.id).list) {
      return;
    }
    const obj = event.object;

    if (ctx.visible?.(def.id, obj) === false) {
      return;
    }
    if ((watch.id && watch.id !== idOf(obj)) || (watch.namespace && watch.namespace !== obj.metadata.namespace) || !(watch.matches?.(obj) ?? true)) {
      return;
    }
    if (watch.mode === 'resource.changes') {
      this.notice(watch, send);

      return;
    }
    send({
      name: `resource.${ event.kind }`, ...stamp(watch), data: formatResource(def, obj, { steve: ctx.base }, ctx.access(def.id)), revision: String(event.revision)
    });
  }

  /**
   * `resource.changes`: the first change is told at once, later ones in one trailing notice per debounce window.
   * Its revision (what the shell fetches at) comes only from Rancher 2.13 on.
   */
  private notice(watch: Watch, send: (msg: unknown) => void): void {
    if (watch.timer) {
      return;
    }
    const debounce = watch.debounceMs || DEFAULT_DEBOUNCE_MS;
    const tell = () => {
      watch.timer = undefined;
      watch.lastNotice = Date.now();
      send({
        name: 'resource.changes', ...stamp(watch), ...(this.api.rancher?.changesRevision === false ? {} : { revision: String(this.api.store.revision) }), data: {}
      });
    };
    const wait = (watch.lastNotice ?? -Infinity) + debounce - Date.now();

    if (wait <= 0) {
      tell();
    } else {
      watch.timer = setTimeout(tell, wait);
    }
  }
}
