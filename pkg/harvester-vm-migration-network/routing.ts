import { RouteRecordRaw } from 'vue-router';
import { PRODUCT, ROUTE } from './config/navigation';

const base = `/c/:cluster/${ PRODUCT }`;
const meta = { product: PRODUCT };

/**
 * Our own routes (pages load lazily, so nothing but this table is in the entry chunk), each under one of the shell's
 * page frames. The overview is the app's one page without a cluster: it sits in the `plain` frame (the header, no
 * side nav), as Rancher's own Extensions page does, instead of beside a side nav holding only "Overview". A cluster's
 * pages sit in the `default` frame with their side nav (Settings, Migration Network).
 */
const routes: { parent: 'plain' | 'default'; route: RouteRecordRaw }[] = [
  {
    parent: 'plain',
    route:  {
      name: ROUTE.OVERVIEW, path: base, component: () => import('./pages/FleetOverview.vue'), meta
    },
  },
  {
    parent: 'default',
    route:  {
      name: ROUTE.SETTINGS, path: `${ base }/settings`, component: () => import('./pages/SettingsList.vue'), meta
    },
  },
  {
    parent: 'default',
    route:  {
      name: ROUTE.SETTING_EDIT, path: `${ base }/settings/:id`, component: () => import('./pages/SettingEdit.vue'), meta
    },
  },
  {
    parent: 'default',
    route:  {
      name: ROUTE.HEALTH, path: `${ base }/health`, component: () => import('./pages/MigrationNetworkHealth.vue'), meta
    },
  },
];

export default routes;
