import { RouteRecordRaw } from 'vue-router';
import { PRODUCT, ROUTE } from './config/navigation';

const base = `/c/:cluster/${ PRODUCT }`;
const meta = { product: PRODUCT };

/** Our own routes (pages load lazily, so nothing but this table is in the entry chunk). */
const routes: RouteRecordRaw[] = [
  {
    name: ROUTE.OVERVIEW, path: base, component: () => import('./pages/FleetOverview.vue'), meta
  },
  {
    name: ROUTE.SETTINGS, path: `${ base }/settings`, component: () => import('./pages/SettingsList.vue'), meta
  },
  {
    name: ROUTE.SETTING_EDIT, path: `${ base }/settings/:id`, component: () => import('./pages/SettingEdit.vue'), meta
  },
  {
    name: ROUTE.HEALTH, path: `${ base }/health`, component: () => import('./pages/MigrationNetworkHealth.vue'), meta
  },
];

export default routes;
