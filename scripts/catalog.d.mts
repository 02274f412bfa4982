/** Types of `catalog.mjs` for the TypeScript tests that drive it. */
export const SHELL_CHART: string;

export interface CatalogOptions {
  pkgDir: string;
  distDir: string;
  outDir: string;
  baseUrl: string;
  shellChart?: string;
  now?: Date;
}

export interface CatalogResult {
  name: string;
  version: string;
  endpoint: string;
  chartDir: string;
  extDir: string;
  asset: string;
  index: string;
  pluginFiles: string[];
}

export function makeCatalog(options: CatalogOptions): CatalogResult;
