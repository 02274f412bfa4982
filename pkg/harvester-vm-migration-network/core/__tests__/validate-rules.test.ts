import { describe, expect, it } from 'vitest';
import { validateForm, isWebhookRule } from '../validate';
import { createForm } from './factories';
import { referenceWebhook } from './webhook-reference';
import { cases, codes, find, three } from './validate-cases';

describe('validateForm: one rule at a time', () => {
  it.each(cases)('$name → $code', (c) => {
    const result = validateForm(createForm(c.form), c.facts ?? three);
    const found = find(result.problems, c.code);

    expect(codes(result.problems)).toContain(c.code);
    expect(result.valid).toBe(!result.problems.some((p) => p.severity === 'error'));
    if (c.field) {
      expect(found?.field).toBe(c.field);
    }
    if (c.index !== undefined) {
      expect(found?.index).toBe(c.index);
    }
    if (c.entry !== undefined) {
      expect(found?.entry).toBe(c.entry);
    }
    if (c.args) {
      expect(found?.args).toStrictEqual(c.args);
    }
    if (c.webhookMessage) {
      expect(found?.webhookMessage).toBe(c.webhookMessage);
      expect(result.webhookMessage).toBe(c.webhookMessage);
    }
    expect(found?.key).toMatch(/^vmMigrationNetwork\./);
    expect(isWebhookRule(c.code)).toBe(/^W\d/.test(c.code));
  });
});

describe('the ip.go-faithful reference agrees on the table cases', () => {
  it.each(cases.filter((c) => /^W(4|5|6|7|9|1[0-9]|2[0-2])_/.test(c.code) && !['W19_MATCHED_NODES_INVALID', 'W22_OVERLAP_RWX'].includes(c.code)))('$name', (c) => {
    const form = createForm(c.form);
    const value = {
      clusterNetwork: form.clusterNetwork, vlan: Number(form.vlan), range: form.range, exclude: form.exclude.filter((e) => e.trim() !== '')
    };

    expect(referenceWebhook(value, c.facts ?? three)).toBe(validateForm(form, c.facts ?? three).webhookMessage);
  });
});
