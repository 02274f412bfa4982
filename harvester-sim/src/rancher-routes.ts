import { IncomingMessage } from 'node:http';
import { RequestContext, SteveApi } from './api';
import { Sessions, SimUser, tokenFrom } from './auth';
import { originOf, readJson, sendJson } from './http';
import { normanGet } from './norman';
import { PluginRegistry } from './plugins';
import { PUBLIC_SETTINGS } from './rancher';
import { AuthedCall, Call, Route } from './router';
import { steveRequest } from './steve-router';
import { ApiError, Obj } from './types';

/** What Rancher's own routes need from the simulator. */
export interface RancherHost {
  readonly sessions: Sessions;
  readonly mgmt: SteveApi;
  readonly plugins: PluginRegistry;
  /** The management API as `user` sees it (anonymous: read-only, for the public settings). */
  managementContext(req: IncomingMessage, user?: SimUser): RequestContext;
}

const COOKIE = (token: string) => `R_SESS=${ token }; Path=/; HttpOnly; Secure; SameSite=Lax`;

export function kubeVersion(gitVersion: string): Obj {
  const [major, minor] = gitVersion.slice(1).split('.');

  return {
    major, minor, gitVersion, gitCommit: 'harvester-sim', gitTreeState: 'clean', buildDate: '2026-03-01T00:00:00Z', goVersion: 'go1.24', compiler: 'gc', platform: 'linux/amd64'
  };
}

/**
 * Auth providers, in both Rancher APIs: shells up to 2.12's (3.0.5) find the local provider through Norman and
 * log in through its `login` action; newer shells post to `/v1-public/login` with the provider's type.
 */
function authProviders(call: Call): Obj {
  const base = `${ originOf(call.req) }/v3-public/localProviders/local`;

  return {
    type:         'collection',
    resourceType: 'authProvider',
    links:        { self: `${ originOf(call.req) }${ call.path }` },
    data:         [{
      id: 'local', type: 'localProvider', baseType: 'authProvider', links: { self: base }, actions: { login: `${ base }?action=login` }
    }],
  };
}

async function login(host: RancherHost, call: Call, norman: boolean): Promise<void> {
  const body = await readJson(call.req);
  const token = host.sessions.login(body.username, body.password);

  if (!token) {
    throw new ApiError(401, 'Unauthorized', 'authentication failed');
  }
  const cookie = { 'set-cookie': COOKIE(token) };

  if (norman && body.responseType !== 'cookie') {
    // Norman's token response, for API clients that keep the token themselves.
    return sendJson(call.res, 201, {
      type: 'token', authProvider: 'local', token, name: token.split(':')[0]
    }, true);
  }
  if (norman) {
    // Rancher's Norman login with `responseType: cookie` answers with the cookie and no body.
    call.res.writeHead(200, { ...cookie, 'x-api-cattle-auth': 'true' });
    call.res.end();

    return;
  }
  sendJson(call.res, 200, {}, true, cookie);
}

/** Before login Rancher lists only its public settings; after login this is the ordinary management API. */
async function settings(host: RancherHost, call: Call): Promise<void> {
  const ctx = host.managementContext(call.req, call.user);
  const method = call.user || call.method === 'GET' ? call.method : 'DENY';
  const [status, body] = await steveRequest(host.mgmt, ctx, method, call.path.slice(4), call.url.searchParams, call.req);

  if (!call.user) {
    const out = body as { data?: Obj[]; id?: string };

    if (out.data) {
      out.data = out.data.filter((s) => PUBLIC_SETTINGS.has(String(s.id)));
    } else if (!PUBLIC_SETTINGS.has(String(out.id))) {
      throw new ApiError(401, 'Unauthorized', 'must authenticate');
    }
  }
  call.send(status, body);
}

function userPreferences(preferences: Map<string, Obj>) {
  return async(call: AuthedCall): Promise<void> => {
    const { user } = call;
    const base = `${ originOf(call.req) }/v1/userpreferences`;
    const current = preferences.get(user.id) ?? {
      id: user.id, type: 'userpreference', links: { self: `${ base }/${ user.id }`, update: `${ base }/${ user.id }` }, metadata: { name: user.id }, data: {}
    };

    if (call.method === 'PUT') {
      const body = await readJson(call.req);

      current.data = body.data && typeof body.data === 'object' ? body.data : {};
      preferences.set(user.id, current);

      return call.send(200, current);
    }
    call.send(200, call.path.includes('/userpreferences/') ? current : {
      type: 'collection', resourceType: 'userpreference', links: { self: base }, data: [current]
    });
  };
}

/** Rancher's public endpoints (no session needed). */
export function publicRoutes(host: RancherHost): Route[] {
  return [
    {
      pattern: /^\/rancherversion$/,
      handler: (call) => call.send(200, {
        Version: host.mgmt.rancher?.serverVersion ?? 'v2.15.0', GitCommit: 'harvester-sim', RancherPrime: 'false'
      }),
    },
    { pattern: /^\/version$/, handler: (call) => call.send(200, kubeVersion('v1.31.1+k3s1')) },
    {
      // The shell fetches the extension list at boot, before anyone logged in.
      method: 'GET', pattern: /^\/v1\/uiplugins\/?$/, handler: (call) => call.send(200, host.plugins.index(originOf(call.req)))
    },
    {
      method:  'GET',
      pattern: /^\/v1\/uiplugins\/([^/]+)\/([^/]+)\/plugin\/(.+)$/,
      handler: (call, [, name, version, file]) => {
        const found = host.plugins.file(decodeURIComponent(name), decodeURIComponent(version), decodeURIComponent(file));

        call.res.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'no-cache' });
        call.res.end(found.body);
      },
    },
    { pattern: /^\/(v1-public\/authproviders|v3-public\/authProviders|v3-public\/authproviders)$/, handler: (call) => call.send(200, authProviders(call)) },
    {
      method: 'POST', pattern: /^\/v1-public\/login$/, handler: (call) => login(host, call, false)
    },
    {
      method:  'POST',
      pattern: /^\/v3-public\/localProviders\/local$/,
      handler: (call) => {
        if (call.url.searchParams.get('action') !== 'login') {
          throw new ApiError(404, 'NotFound', `action ${ call.url.searchParams.get('action') } not found`);
        }

        return login(host, call, true);
      },
    },
    { pattern: /^\/v1\/management\.cattle\.io\.settings?(\/.*)?$/, handler: (call) => settings(host, call) },
  ];
}

/** Rancher's own logged-in endpoints: Norman, logout, self user, preferences and the management Steve API. */
export function managementRoutes(host: RancherHost): Route<AuthedCall>[] {
  const preferences = new Map<string, Obj>();

  return [
    { pattern: /^\/v3\/(.*)$/, handler: (call, [, rest]) => call.send(200, normanGet(rest + call.url.search, originOf(call.req), call.user)) },
    {
      method:  'POST',
      pattern: /^\/v1\/logout$/,
      handler: (call) => {
        host.sessions.logout(tokenFrom(call.req.headers));
        sendJson(call.res, 200, {}, false, { 'set-cookie': 'R_SESS=; Path=/; HttpOnly; Secure; Max-Age=0' });
      },
    },
    {
      pattern: /^\/v1\/ext\.cattle\.io\.selfusers?$/,
      handler: (call) => call.send(200, {
        apiVersion: 'ext.cattle.io/v1', kind: 'SelfUser', type: 'ext.cattle.io.selfuser', metadata: {}, status: { userID: call.user.id }
      }),
    },
    { pattern: /^\/v1\/userpreferences?(\/.*)?$/, handler: userPreferences(preferences) },
    {
      pattern: /^\/v1\/(.*)$/,
      handler: async(call, [, rest]) => {
        call.send(...await steveRequest(host.mgmt, host.managementContext(call.req, call.user), call.method, rest, call.url.searchParams, call.req));
      },
    },
  ];
}
