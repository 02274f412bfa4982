const config = require('@rancher/shell/vue.config'); // eslint-disable-line @typescript-eslint/no-var-requires
const servedLikeRancher = require('./scripts/rancher-dev-server.cjs'); // eslint-disable-line @typescript-eslint/no-var-requires

// EXCLUDE_OUR_PACKAGE=1 (production-mode tests) leaves our package out of the dashboard's compile, so it can
// arrive only as Rancher delivers it: the built package, listed at /v1/uiplugins and loaded at run time.
const excludes = process.env.EXCLUDE_OUR_PACKAGE === '1' ? ['harvester-vm-migration-network'] : [];

// Keep-alive API connections, and with ROUTER_BASE the dashboard under its base and Rancher's older UI elsewhere.
module.exports = servedLikeRancher(config(__dirname, { excludes }));
