import { WebSocket } from 'ws';
import { SteveApi, RequestContext, resolveType } from './api';
import { formatResource } from './steve';
import { ChangeEvent } from './types';
import { idOf } from './store';

interface Watch {
  resourceType: string;
  id?: string;
  namespace?: string;
  selector?: string;
  mode?: string;
  debounceMs?: number;
  timer?: NodeJS.Timeout;
}

const PING_MS = 20000;

/** Matches a simple label selector (`a=b,c!=d,e`) against labels. */
function matchesSelector(selector: string | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) {
    return true;
  }

  return selector.split(',').every((term) => {
    const [key, value] = term.split(/!=|==|=/);
    const negate = term.includes('!=');

    if (value === undefined) {
      return key.trim() in labels;
    }
    const equal = labels[key.trim()] === value.trim();

    return negate ? !equal : equal;
  });
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
    const ping = setInterval(() => send({ name: 'ping', data: 'alive' }), PING_MS);
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
      } catch {
        return;
      }
      if (!msg.resourceType) {
        return;
      }
      const same = (w: Watch) => w.resourceType === msg.resourceType && w.id === msg.id && w.namespace === msg.namespace && w.selector === msg.selector && w.mode === msg.mode;

      if (msg.stop) {
        const index = watches.findIndex(same);

        if (index >= 0) {
          clearTimeout(watches[index].timer);
          watches.splice(index, 1);
        }
        send({
          name: 'resource.stop', resourceType: msg.resourceType, id: msg.id, namespace: msg.namespace, selector: msg.selector, mode: msg.mode
        });

        return;
      }
      const watch: Watch = {
        resourceType: msg.resourceType, id: msg.id, namespace: msg.namespace, selector: msg.selector, mode: msg.mode, debounceMs: msg.debounceMs
      };

      watches.push(watch);
      send({
        name: 'resource.start', resourceType: watch.resourceType, id: watch.id, namespace: watch.namespace, selector: watch.selector, mode: watch.mode
      });
      const since = Number(msg.resourceVersion);

      if (since > 0) {
        for (const event of this.api.store.changesSince(since) ?? []) {
          this.deliver(watch, event, ctx, send);
        }
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
    if ((watch.id && watch.id !== idOf(obj)) || (watch.namespace && watch.namespace !== obj.metadata.namespace) || !matchesSelector(watch.selector, obj.metadata.labels)) {
      return;
    }
    if (watch.mode === 'resource.changes') {
      if (!watch.timer) {
        watch.timer = setTimeout(() => {
          watch.timer = undefined;
          send({
            name: 'resource.changes', resourceType: watch.resourceType, mode: watch.mode, revision: String(this.api.store.revision), data: {}
          });
        }, Math.min(watch.debounceMs ?? 0, 1000));
      }

      return;
    }
    send({
      name: `resource.${ event.kind }`, resourceType: watch.resourceType, data: formatResource(def, obj, { steve: ctx.base }, ctx.access(def.id)), revision: String(event.revision)
    });
  }
}
