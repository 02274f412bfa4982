import { ServerResponse } from 'node:http';
import { sendJson, steveError } from './http';
import { ClusterSpec } from './cluster';
import { ApiError } from './types';

/** One injected fault: the next `count` requests whose path starts with `path` fail and/or hang. */
export interface FaultRule {
  path: string;
  method?: string;
  count: number;
  status?: number;
  message?: string;
  delayMs?: number;
}

/** Fault injection for tests (`POST /sim/faults`). */
export class Faults {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, count: rule.count > 0 ? rule.count : 1 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Applies the first matching rule; returns true when it answered the request itself. */
  async intercept(method: string, path: string, res: ServerResponse, authed: boolean): Promise<boolean> {
    const rule = this.rules.find((r) => r.count > 0 && path.startsWith(r.path) && (!r.method || r.method.toUpperCase() === method));

    if (!rule) {
      return false;
    }
    rule.count--;
    this.rules = this.rules.filter((r) => r.count > 0);
    if (rule.delayMs) {
      // A long hang must not keep the process alive once the simulator is closed.
      await new Promise((resolve) => {
        setTimeout(resolve, rule.delayMs).unref();
      });
    }
    if (!rule.status) {
      return false;
    }
    sendJson(res, rule.status, steveError(new ApiError(rule.status, 'InjectedFault', rule.message ?? `injected fault: HTTP ${ rule.status }`)), authed);

    return true;
  }
}

/** The faults a fleet file asks for: a cluster that never answers hangs for an hour; one that fails answers 502. */
export function lastingFaults(clusters: ClusterSpec[]): FaultRule[] {
  return clusters.filter((c) => c.answers).map((c) => ({
    path: `/k8s/clusters/${ c.id }/`, count: Number.MAX_SAFE_INTEGER, ...(c.answers === 'fail' ? { status: 502, message: 'upstream cluster is not answering' } : { delayMs: 3_600_000 })
  }));
}
