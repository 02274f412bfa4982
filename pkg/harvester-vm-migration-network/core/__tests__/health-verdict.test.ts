import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { healthVerdict, rolloutSteps } from '../index';
import type { VerdictKind } from '../index';
import { createNode, createPod } from './k8s-factories';
import { context, sources } from './health-verdict-fixtures';
import { CASES } from './health-verdict-cases';

describe('healthVerdict', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ctx = context(c);

    expect(healthVerdict(ctx)).toStrictEqual(c.expected);
    // The page passes the steps it already shows; the verdict is the same.
    expect(healthVerdict(ctx, rolloutSteps(ctx))).toStrictEqual(c.expected);
  });

  it('covers every kind', () => {
    const kinds = new Set(CASES.map((c) => c.expected?.kind));

    expect([...kinds].filter((k): k is VerdictKind => !!k).sort()).toStrictEqual(['disabled', 'failed', 'healthy', 'rollingOut', 'stuck']);
  });

  it('names at most three nodes', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4'];
    const src = sources({
      nodes: nodes.map((n) => createNode(n)),
      pods:  nodes.map((n) => createPod(`virt-handler-${ n }`, n, '192.168.1.1')),
    });

    expect(healthVerdict(context({
      name: '', src, expected: undefined
    }))?.args).toStrictEqual({ count: 4, nodes: 'n1, n2, n3, …' });
  });

  it('never says the controller applied anything when disabled', () => {
    const en = parse(readFileSync(resolve(__dirname, '..', '..', 'l10n', 'en-us.yaml'), 'utf8')).vmMigrationNetwork.health.verdict;

    expect(en.disabled).not.toMatch(/appl|caught up/i);
  });
});
