// The shell's dev server made to serve the dashboard the way Rancher does, for our repository's shell and for the
// host shells of the production-mode tests (`scripts/host-shell.mjs`) alike. `appConfig` is what the shell's
// `vue.config` returns; the API address comes from `API`, as for the shell itself.
const http = require('http');
const https = require('https');
const { createProxyMiddleware } = require('http-proxy-middleware');
const { api, proxyWsOpts } = require('@rancher/shell/vue-config-helper');

// The shell's dev proxy gives http-proxy no agent, and then http-proxy sends `Connection: close` upstream and back
// to the browser: every API call pays a new TLS handshake, and a page that reads many small objects (the fleet
// overview reads a few per cluster) spends most of its time connecting. Rancher keeps connections open (HTTP/2), so
// the API paths are proxied here first, with the shell's own options plus a keep-alive agent; websocket upgrades
// still go through the shell's proxy. A HAR replay (HAR_FILE) answers before any proxy, so it is left alone.
const KEEP_ALIVE_PATHS = ['/k8s', '/v1', '/v3'];

module.exports = function servedLikeRancher(appConfig) {
  const agent = api.startsWith('https') ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const proxy = () => createProxyMiddleware({
    ...proxyWsOpts(api), ws: false, agent
  });
  // ROUTER_BASE=/dashboard/ (production-mode tests) serves the dashboard where Rancher does. Rancher answers a
  // browser's page load of any other path with its older UI, so those page loads go to the API server as they would
  // in Rancher (the simulator answers them with a stand-in page): a link that leaves the dashboard ends there.
  const routerBase = process.env.ROUTER_BASE ?? '/';
  const olderUi = proxy();

  function outsideDashboard(req, res, next) {
    const pageLoad = req.method === 'GET' && String(req.headers.accept ?? '').includes('text/html');

    if (!pageLoad || req.path.startsWith(routerBase)) {
      return next();
    }
    if (req.path === '/' || `${ req.path }/` === routerBase) {
      return res.redirect(302, routerBase);
    }

    return olderUi(req, res, next);
  }

  const shellMiddlewares = appConfig.devServer.setupMiddlewares;

  appConfig.devServer.setupMiddlewares = (middlewares, devServer) => {
    if (routerBase !== '/') {
      devServer.app.use(outsideDashboard);
    }
    for (const path of process.env.HAR_FILE ? [] : KEEP_ALIVE_PATHS) {
      devServer.app.use(path, proxy());
    }

    return shellMiddlewares(middlewares, devServer);
  };

  return appConfig;
};
