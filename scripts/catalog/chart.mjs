/**
 * The Helm chart of an extension, made the way the shell's `publish-pkgs` makes it (its `patch` and
 * `helmpatch` steps) but without helm, yq or jq: the shell's `ui-plugin-server` chart with the package's
 * name, version, description and annotations, and values pointing the UIPlugin at the published files.
 */
import { createHash } from 'node:crypto';

/** Package fields the shell copies into Chart.yaml; an absent one is removed from the template, as `patch` does. */
const OPTIONAL_FIELDS = [['description', 'description'], ['icon', 'icon'], ['keywords', 'keywords'], ['homepage', 'home']];

/**
 * @param {Record<string, unknown>} template the shell chart's Chart.yaml, parsed
 * @param {{ name: string, version: string, description?: string, icon?: string, keywords?: string[],
 *   homepage?: string, rancher?: { annotations?: Record<string, string> } }} pkg the package's package.json
 */
export function chartMetadata(template, pkg) {
  const chart = {
    ...template, name: pkg.name, version: pkg.version, appVersion: pkg.version
  };

  for (const [from, to] of OPTIONAL_FIELDS) {
    if (pkg[from] === undefined) {
      delete chart[to];
    } else {
      chart[to] = pkg[from];
    }
  }
  // The template's catalog annotations (namespace, scope, ui-component...) stay; the package adds its own.
  chart.annotations = { ...(template.annotations ?? {}), ...(pkg.rancher?.annotations ?? {}) };

  return chart;
}

/**
 * @param {{ plugin: Record<string, unknown> }} template the shell chart's values.yaml, parsed
 * @param {{ rancher?: { annotations?: Record<string, string>, noAuth?: boolean } }} pkg
 * @param {string} endpoint where Rancher fetches the plugin's files (a folder holding files.txt and plugin/)
 */
export function chartValues(template, pkg, endpoint) {
  return {
    ...template,
    plugin: {
      ...template.plugin,
      endpoint,
      // Rancher prefers the one-request archive and falls back to the file list.
      compressedEndpoint: `${ endpoint }.tgz`,
      noAuth:             pkg.rancher?.noAuth === true || template.plugin.noAuth === true,
      // The UI reads the compatibility annotations from the UIPlugin's metadata as well as from the chart.
      metadata:           { ...(template.plugin.metadata ?? {}), ...(pkg.rancher?.annotations ?? {}) },
    },
  };
}

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Numeric comparison of `x.y.z[-pre]` versions, newest first; a pre-release sorts before its release. */
export function compareVersionsDesc(a, b) {
  const [coreA, preA] = a.split('-', 2);
  const [coreB, preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);

  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const diff = (partsB[i] ?? 0) - (partsA[i] ?? 0);

    if (diff) {
      return diff;
    }
  }
  if (preA === preB) {
    return 0;
  }

  return preA === undefined ? -1 : preB === undefined ? 1 : preB.localeCompare(preA);
}

/**
 * A Helm repository index (what `helm repo index` writes): every chart version with its metadata, archive
 * digest and URL. Entries of `previous` are kept unless `keep` refuses them or a new entry has their version.
 * @param {{ chart: Record<string, unknown>, digest: string, url: string }[]} added
 * @param {{ entries?: Record<string, Record<string, unknown>[]> } | undefined} previous
 * @param {(entry: Record<string, unknown>) => boolean} keep
 * @param {string} now ISO time for `created` and `generated`
 */
export function repositoryIndex(added, previous, keep, now) {
  const entries = {};

  for (const [name, versions] of Object.entries(previous?.entries ?? {})) {
    entries[name] = versions.filter((v) => keep(v) && !added.some((a) => a.chart.name === name && a.chart.version === v.version));
  }
  for (const { chart, digest, url } of added) {
    (entries[chart.name] ??= []).push({
      ...chart, created: now, digest, urls: [url]
    });
  }
  for (const name of Object.keys(entries)) {
    entries[name].sort((x, y) => compareVersionsDesc(String(x.version), String(y.version)));
    if (!entries[name].length) {
      delete entries[name];
    }
  }

  return {
    apiVersion: 'v1', entries, generated: now
  };
}
