import WebSocket from 'ws';
import { Simulator, SimulatorOptions } from '../src/server';
import { harvesterOptions } from '../src/harvester/simulator';

/** A simulator on a random loopback port, with a logged-in admin cookie, for black-box tests. */
export interface TestSim {
  sim: Simulator;
  url: string;
  cookie: string;
  get(path: string, cookie?: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  send(method: string, path: string, body: unknown, cookie?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  login(username: string, password: string): Promise<string>;
  close(): Promise<void>;
}

/** `scenario` goes into the fleet's primary cluster (c-harv1 of the default fleet). */
export async function startSim(scenario?: string, stepMs = 1, options: Partial<SimulatorOptions> = {}): Promise<TestSim> {
  const sim = new Simulator({
    port: 0, scenario, ...harvesterOptions(stepMs), ...options
  });
  const port = await sim.listen();
  const url = `http://127.0.0.1:${ port }`;
  const request = async(method: string, path: string, body?: unknown, cookie?: string) => {
    const res = await fetch(`${ url }${ path }`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body:    body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // Harvester's own handlers answer errors as plain text: kept as `{ text }`.
    const json = res.headers.get('content-type')?.includes('json');

    return {
      status: res.status, body: (!text ? {} : json ? JSON.parse(text) : { text }) as Record<string, unknown>, headers: res.headers
    };
  };
  const login = async(username: string, password: string) => {
    const res = await fetch(`${ url }/v1-public/login`, { method: 'POST', body: JSON.stringify({ username, password }) });

    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  };
  const cookie = await login('admin', 'admin');

  return {
    sim,
    url,
    cookie,
    get:   (path, c = cookie) => request('GET', path, undefined, c),
    send:  (method, path, body, c = cookie) => request(method, path, body, c),
    login,
    close: () => sim.close(),
  };
}

/** Opens a Steve websocket and collects every message. */
export async function openSocket(url: string, path: string, cookie: string): Promise<{ messages: Record<string, unknown>[]; ws: WebSocket; next(match: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(`${ url.replace('http', 'ws') }${ path }`, { headers: { cookie } });
  const messages: Record<string, unknown>[] = [];
  const waiters: { match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];

  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw));

    messages.push(msg);
    for (const waiter of [...waiters]) {
      if (waiter.match(msg)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(msg);
      }
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });

  return {
    messages,
    ws,
    next: (match) => {
      const seen = messages.find(match);

      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}
