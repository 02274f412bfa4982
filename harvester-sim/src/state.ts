import { Obj } from './types';

/**
 * A small rendition of wrangler's `summary.Summarize`, enough for the objects this simulator serves:
 * Steve's `metadata.state` (name, error, transitioning, message) as the shell colours and sorts by it.
 */
export interface ResourceState {
  name: string;
  error: boolean;
  transitioning: boolean;
  message?: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

function conditionsOf(obj: Obj): Condition[] {
  const status = (obj.status ?? {}) as { conditions?: Condition[] };

  return Array.isArray(status.conditions) ? status.conditions : [];
}

export function summarize(type: string, obj: Obj): ResourceState {
  const status = (obj.status ?? {}) as Obj;
  const conditions = conditionsOf(obj);
  const find = (t: string) => conditions.find((c) => c.type === t);

  if (type === 'pod') {
    return podState(obj);
  }
  if (type === 'node') {
    const ready = find('Ready');

    return ready?.status === 'True' || !ready ? state('active') : state('unavailable', false, true);
  }
  if (type === 'apps.daemonset') {
    return daemonSetState(obj);
  }
  if (type === 'management.cattle.io.cluster' && find('Ready')?.status === 'False') {
    // A cluster whose agent is gone: the shell greys it out and cannot open it. Connected but not ready (an
    // upgrade): transitioning, and the shell still opens it.
    return find('Connected')?.status === 'True' ? state('updating', false, true, find('Ready')?.message) : state('unavailable', true, false, find('Ready')?.message);
  }
  for (const c of conditions) {
    if ((c.type === 'Stalled' || c.type === 'Failed') && c.status === 'True') {
      return state('error', true, false, c.message);
    }
  }
  const available = find('Available');

  if (available?.status === 'False') {
    return state('updating', false, true, available.message);
  }
  if (typeof status.phase === 'string' && status.phase) {
    return state(status.phase === 'Succeeded' ? 'succeeded' : status.phase.toLowerCase());
  }

  return state('active');
}

function state(name: string, error = false, transitioning = false, message?: string): ResourceState {
  return message ? {
    name, error, transitioning, message
  } : {
    name, error, transitioning
  };
}

function podState(obj: Obj): ResourceState {
  const status = (obj.status ?? {}) as { phase?: string; conditions?: Condition[]; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
  const waiting = status.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting?.reason;

  if (waiting === 'CrashLoopBackOff') {
    return state('crashloopbackoff', true, false);
  }
  const initialized = (status.conditions ?? []).find((c) => c.type === 'Initialized');

  if (initialized?.status === 'False') {
    return state('initializing', true, false, initialized.message);
  }

  return state((status.phase ?? 'pending').toLowerCase(), false, status.phase === 'Pending');
}

function daemonSetState(obj: Obj): ResourceState {
  const status = (obj.status ?? {}) as Record<string, number>;
  const desired = status.desiredNumberScheduled ?? 0;
  const updated = status.updatedNumberScheduled ?? 0;
  const ready = status.numberReady ?? 0;
  const available = status.numberAvailable ?? 0;

  if (updated < desired) {
    return state('in-progress', false, true, `Updated: ${ updated }/${ desired }`);
  }
  if (available < desired) {
    return state('in-progress', false, true, `Available: ${ available }/${ desired }`);
  }
  if (ready < desired) {
    return state('in-progress', false, true, `Ready: ${ ready }/${ desired }`);
  }

  return state('active', false, false, `All replicas scheduled as expected. Replicas: ${ desired }`);
}
