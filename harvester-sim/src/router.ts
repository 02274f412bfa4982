import { IncomingMessage, ServerResponse } from 'node:http';
import { SimUser } from './auth';
import { sendJson } from './http';
import { ApiError } from './types';

/** One HTTP request as the route handlers see it. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  path: string;
  method: string;
  /** The session's user; undefined before login. */
  user?: SimUser;
  /** Answers JSON with the `x-api-cattle-auth` header the shell reads. */
  send(status: number, body: unknown, headers?: Record<string, string>): void;
}

/** A logged-in request (see `requireUser`). */
export type AuthedCall = Call & { user: SimUser };

/**
 * One entry of a route table. Entries are tried in order; the first whose method (when given) and pattern match
 * answers, so a specific path goes before the general one that would also match it.
 */
export interface Route<C = Call, R = void> {
  method?: string;
  pattern: RegExp;
  handler(call: C, match: string[]): R | Promise<R>;
}

export function findRoute<C, R>(routes: Route<C, R>[], method: string, path: string): { route: Route<C, R>; match: string[] } | undefined {
  for (const route of routes) {
    const match = (!route.method || route.method === method) ? route.pattern.exec(path) : null;

    if (match) {
      return { route, match: match.map((m) => (m === undefined ? '' : m)) };
    }
  }

  return undefined;
}

/** A route for logged-in users only: without a session it answers 401, as Rancher does. */
export function requireUser(route: Route<AuthedCall>): Route {
  return {
    ...route,
    handler: (call, match) => {
      const { user } = call;

      if (!user) {
        throw new ApiError(401, 'Unauthorized', 'must authenticate');
      }

      return route.handler({ ...call, user }, match);
    },
  };
}

export function callOf(req: IncomingMessage, res: ServerResponse, user: SimUser | undefined): Call {
  const url = new URL(req.url ?? '/', 'http://sim');

  return {
    req, res, url, path: url.pathname, method: req.method ?? 'GET', user, send: (status, body, headers) => sendJson(res, status, body, !!user, headers)
  };
}
