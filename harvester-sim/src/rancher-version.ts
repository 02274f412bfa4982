/** The Rancher minors the simulator imitates; each pairs with the Steve release its lists and websocket follow. */
export const RANCHER_VERSIONS = ['2.12', '2.13', '2.14', '2.15'] as const;

export type RancherVersion = typeof RANCHER_VERSIONS[number];

export const DEFAULT_RANCHER: RancherVersion = '2.15';

/** How one Rancher minor's Steve behaves where the minors differ (facts in `README.md`'s table, with their source). */
export interface RancherDialect {
  version: RancherVersion;
  /** `server-version` and `/rancherversion`. */
  serverVersion: string;
  /** Lists read `revision=`: a non-numeric one or one newer than the cache answers 400 (2.13 on); 2.12 ignores it. */
  listRevision: boolean;
  /** `resource.changes` carries the revision to fetch (2.13 on); 2.12 sends none. */
  changesRevision: boolean;
}

export function isRancherVersion(value: unknown): value is RancherVersion {
  return RANCHER_VERSIONS.includes(value as RancherVersion);
}

export function rancherDialect(version: RancherVersion = DEFAULT_RANCHER): RancherDialect {
  const after212 = version !== '2.12';

  return {
    version,
    serverVersion:   `v${ version }.0`,
    listRevision:    after212,
    changesRevision: after212,
  };
}
