import { RouteRecordRaw } from 'vue-router';

/** The slice of the shell's extension API (`@shell/core/types` IPlugin) this extension uses. */
export interface NavDsl {
  virtualType(options: Record<string, unknown>): void;
  basicType(types: string[], group?: string): void;
  labelGroup(group: string, label: string, labelKey?: string): void;
}

export interface ExtensionPlugin {
  metadata: unknown;
  addProduct(product: unknown): void;
  addRoutes(routes: RouteRecordRaw[]): void;
  DSL(store: unknown, productName: string): NavDsl;
}
