import { RouteRecordRaw } from 'vue-router';
import { PRODUCT, ROUTE } from './config/navigation';

const base = '/c/:cluster/:product/vm-migration-network';

/** Our own routes (pages load lazily, so nothing but this table is in the initial bundle). */
const routes: RouteRecordRaw[] = [
  {
    name:      ROUTE.SETTINGS,
    path:      `${ base }/settings`,
    component: () => import('./pages/SettingsList.vue'),
    meta:      { product: PRODUCT },
  },
  {
    name:      ROUTE.SETTING_EDIT,
    path:      `${ base }/settings/:id`,
    component: () => import('./pages/SettingEdit.vue'),
    meta:      { product: PRODUCT },
  },
  {
    name:      ROUTE.HEALTH,
    path:      `${ base }/health`,
    component: () => import('./pages/MigrationNetworkHealth.vue'),
    meta:      { product: PRODUCT },
  },
];

export default routes;
