import { Component } from 'vue';
import { RouteRecordRaw } from 'vue-router';

/** The slice of the shell's extension API (`@shell/core/types` IPlugin) this extension uses. */
export interface NavDsl {
  product(options: Record<string, unknown>): void;
  virtualType(options: Record<string, unknown>): void;
  basicType(types: string[], group?: string): void;
}

/** Where a hook applies (the shell's `LocationConfig`): matched against the current route. */
export interface PanelWhen {
  product?: string[];
  resource?: string[];
  cluster?: string[];
  id?: string[];
  mode?: string[];
}

/** The shell's `PanelLocation` values we use (the enum itself is not importable from a built package). */
export const PANEL_LOCATION = {
  RESOURCE_LIST:    'resource-list',
  DETAILS_MASTHEAD: 'details-masthead',
} as const;

/** The shell's `TabLocation.RESOURCE_DETAIL` (every shell), `TabLocation.RESOURCE_DETAIL_PAGE` and `TableColumnLocation.RESOURCE`. */
export const TAB_LOCATION_RESOURCE_DETAIL = 'tab';
export const TAB_LOCATION_RESOURCE_DETAIL_PAGE = 'resource-detail-page';
export const TABLE_COLUMN_LOCATION_RESOURCE = 'resource-list';

/** A column in a resource list (the shell's `HeaderOptions`): `formatter` names a component in our `formatters/`. */
export interface TableColumn {
  name: string;
  labelKey: string;
  value?: string;
  getValue?: (row: unknown) => string | number | null | undefined;
  formatter?: string;
  sort?: string | string[] | boolean;
  search?: string | boolean;
  width?: number;
}

/** A tab on a resource's detail page (the shell's `Tab`). */
export interface TabOptions {
  name: string;
  labelKey: string;
  weight?: number;
  showHeader?: boolean;
  component: () => Promise<Component>;
}

export interface ExtensionPlugin {
  metadata: unknown;
  addProduct(product: unknown): void;
  /** Each route under a parent: one of the shell's page frames (`default`: header and side nav; `plain`: header only). */
  addRoutes(routes: { parent: string; route: RouteRecordRaw }[]): void;
  addPanel(where: string, when: PanelWhen, panel: { component: () => Promise<Component> }): void;
  addTableColumn(where: string, when: PanelWhen, column: TableColumn, paginationColumn?: Omit<TableColumn, 'getValue'>): void;
  addTab(where: string, when: PanelWhen, tab: TabOptions): void;
  DSL(store: unknown, productName: string): NavDsl;
}
