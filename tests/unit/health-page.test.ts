// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { STEVE_TYPES } from '@pkg/core';
import type { CoreEvent } from '@pkg/core';
import {
  createKubeVirt, createNode, createPod, createSetting, NAD, VALUE
} from '@pkg/core/__tests__/k8s-factories';
import { byId, createWrapper, healthyObjects } from './health-page-mount';

describe('MigrationNetworkHealth: summary', () => {
  it('shows a healthy enabled configuration, the NAD and KubeVirt', async() => {
    const { wrapper } = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-summary-state').text()).toBe('%vmMigrationNetwork.health.summary.enabled%');
    expect(byId(wrapper, 'vmmn-health-summary-range').text()).toBe('192.168.1.0/24');
    expect(byId(wrapper, 'vmmn-health-summary-vlan').text()).toBe('100');
    expect(byId(wrapper, 'vmmn-health-summary-controller').text()).toBe('%vmMigrationNetwork.health.summary.controllerCaughtUp%');
    expect(byId(wrapper, 'vmmn-health-summary-nad-match').text()).toBe('%vmMigrationNetwork.health.summary.nadMatches%');
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-network').text()).toBe('%vmMigrationNetwork.health.summary.kubeVirtNetwork(network: vm-migration-network-6flk7)%');
    // KubeVirt in a sentence; its raw conditions folded away.
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-ready').text()).toBe('%vmMigrationNetwork.health.summary.ready%');
    expect(byId(wrapper, 'vmmn-health-summary-conditions').element.tagName).toBe('DETAILS');
    expect(byId(wrapper, 'vmmn-health-summary-condition-Available').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-refusing').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-status-configured').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-edit').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);
  });

  it('says migrations use mgmt when disabled', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.setting]:  [createSetting('', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', '')],
        [STEVE_TYPES.kubeVirt]: [createKubeVirt('')],
        [STEVE_TYPES.pod]:      [createPod('virt-handler-a', 'node-1', undefined, { networks: '' }), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
        [STEVE_TYPES.nad]:      [],
      })
    });

    expect(byId(wrapper, 'vmmn-health-summary-state').text()).toBe('%vmMigrationNetwork.health.summary.disabled%');
    // mgmt is named once on the page, by the verdict.
    expect(byId(wrapper, 'vmmn-health-summary-mgmt').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('disabled');
    expect(byId(wrapper, 'vmmn-health-summary-config').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-network').text()).toBe('%vmMigrationNetwork.health.summary.kubeVirtNoNetwork%');
    expect(wrapper.findAll('[data-testid^="vmmn-health-rollout-step-"]').map((s) => s.attributes('data-state'))).toStrictEqual(['done', 'done', 'done', 'done', 'done']);
    expect(byId(wrapper, 'vmmn-health-capacity-none').exists()).toBe(true);
  });
});

describe('MigrationNetworkHealth: rollout', () => {
  it('is all done when healthy', async() => {
    const { wrapper } = await createWrapper();

    expect(wrapper.findAll('[data-testid^="vmmn-health-rollout-step-"]').map((s) => s.attributes('data-state'))).toStrictEqual(['done', 'done', 'done', 'done', 'done']);
    expect(byId(wrapper, 'vmmn-health-rollout-count-pods').text()).toBe('%vmMigrationNetwork.health.rollout.count(done: 2, total: 2)%');
  });

  it('shows KubeVirt rolling out and refusing migrations', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.kubeVirt]: [createKubeVirt(NAD, false)],
        [STEVE_TYPES.pod]:      [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
      })
    });

    expect(byId(wrapper, 'vmmn-health-rollout-step-kubeVirt').attributes('data-state')).toBe('inProgress');
    expect(byId(wrapper, 'vmmn-health-rollout-step-pods').attributes('data-state')).toBe('inProgress');
    expect(byId(wrapper, 'vmmn-health-rollout-state-ready').text()).toBe('%vmMigrationNetwork.health.rollout.states.inProgress%');
    expect(byId(wrapper, 'vmmn-health-summary-refusing').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-ready').text()).toMatch(/^%vmMigrationNetwork\.health\.summary\.notReady\(reason: .+\)%$/);
  });

  it('is blocked with the pod sandbox failure as reason', async() => {
    const event: CoreEvent = {
      reason:         'FailedCreatePodSandBox',
      involvedObject: {
        kind: 'Pod', namespace: 'harvester-system', name: 'virt-handler-x'
      },
      message:       'Failed to create pod sandbox: error adding pod to CNI network: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.2 / range: 192.168.1.0/30',
      lastTimestamp: '2026-03-10T09:03:00Z',
    };
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.pod]:   [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-x', 'node-7', undefined, { phase: 'Pending', ready: false })],
        [STEVE_TYPES.node]:  [createNode('node-1'), createNode('node-7')],
        [STEVE_TYPES.event]: [event],
      })
    });

    expect(byId(wrapper, 'vmmn-health-rollout-step-pods').attributes('data-state')).toBe('blocked');
    expect(byId(wrapper, 'vmmn-health-rollout-reason-pods').text()).toBe('%vmMigrationNetwork.health.rollout.reasons.sandbox(pod: virt-handler-x, node: node-7, message: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.2 / range: 192.168.1.0/30)%');
    expect(byId(wrapper, 'vmmn-health-node-flag-node-7-noIp').exists()).toBe(true);
  });

  it('says when the controller has not caught up', async() => {
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.setting]: [createSetting(VALUE, 'stale-hash')] }) });

    expect(byId(wrapper, 'vmmn-health-rollout-reason-configured').text()).toBe('%vmMigrationNetwork.health.rollout.reasons.controllerPending%');
    expect(byId(wrapper, 'vmmn-health-summary-controller').text()).toBe('%vmMigrationNetwork.health.summary.controllerPending%');
  });
});
