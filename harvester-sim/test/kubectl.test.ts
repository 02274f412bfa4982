import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { parse } from 'yaml';
import { startSim, TestSim } from './helpers';
import { Kubectl, kubectls } from './kubectl';

// Harvester's documented procedure for the migration network, command by command, through kubectl (Debian's 1.20
// and the machine's newer one) with a kubeconfig from Rancher's "Download KubeConfig".
const VALUE = '{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
const SETTING = ['settings.harvesterhci.io', 'vm-migration-network'];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(kubectls())('kubectl $version against the simulator', (kubectl: Kubectl) => {
  let t: TestSim;
  let dir: string;
  let kubeconfig: string;

  const run = (args: string[], env: Record<string, string> = {}): Promise<Result> => new Promise((resolve) => {
    execFile(kubectl.path, ['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, ...env }, timeout: 20000 }, (err, stdout, stderr) => {
      resolve({
        code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr
      });
    });
  });
  const yamlOf = async(args: string[]) => parse((await run([...args, '-o', 'yaml'])).stdout);
  const until = async(check: () => Promise<boolean>, ms = 10000) => {
    for (const end = Date.now() + ms; !(await check());) {
      if (Date.now() > end) {
        throw new Error('timed out');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async() => {
    t = await startSim(undefined, 5);
    dir = mkdtempSync(join(tmpdir(), 'sim-kubectl-'));
    // Rancher 2.12's shell calls the management cluster's generateKubeconfig action.
    const action = await t.send('POST', '/v1/management.cattle.io.clusters/c-harv1?action=generateKubeconfig', {});
    const created = await t.send('POST', '/v1/ext.cattle.io.kubeconfigs', { spec: { clusters: ['c-harv3'] } });

    kubeconfig = join(dir, 'kubeconfig.yaml');
    writeFileSync(kubeconfig, String(action.body.config));
    writeFileSync(join(dir, 'harv3.yaml'), String((created.body.status as { value: string }).value));
  });
  afterAll(async() => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prerequisite: the Whereabouts IPPool CRD exists', async() => {
    const out = await run(['get', 'crd', 'ippools.whereabouts.cni.cncf.io']);

    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^NAME\s+CREATED AT\nippools\.whereabouts\.cni\.cncf\.io\s+\d{4}-\d\d-\d\dT/);
  });

  it('configure with `kubectl edit`, then verify: configured, every virt-handler with migration0 in the range', async() => {
    const editor = join(dir, 'editor.sh');

    writeFileSync(editor, `#!/bin/sh\nsed -i 's#^value: .*#value: '"'"'${ VALUE }'"'"'#' "$1"\n`);
    chmodSync(editor, 0o755);
    const edited = await run(['edit', ...SETTING], { EDITOR: editor, KUBE_EDITOR: editor });

    expect(edited.stdout.trim()).toBe('setting.harvesterhci.io/vm-migration-network edited');
    await until(async() => ((await yamlOf(['get', ...SETTING])).status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'configured' && c.status === 'True'));
    const setting = await yamlOf(['get', ...SETTING]);

    expect(setting.value).toBe(VALUE);
    expect(setting.metadata.annotations['vm-migration-network.settings.harvesterhci.io/net-attach-def']).toMatch(/^harvester-system\/vm-migration-network-/);
    const migrationIps = async() => {
      const pods = await yamlOf(['get', 'pods', '-n', 'harvester-system', '-l', 'kubevirt.io=virt-handler']);

      return (pods.items as { metadata: { annotations: Record<string, string> } }[]).map((pod) => {
        const status = JSON.parse(pod.metadata.annotations['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string; ips?: string[] }[];

        return status.find((s) => s.interface === 'migration0')?.ips?.[0];
      });
    };

    await until(async() => (await migrationIps()).every((ip) => ip?.startsWith('192.168.1.') && ip !== '192.168.1.1'));
    const described = await run(['-n', 'harvester-system', 'describe', 'pod', (await yamlOf(['get', 'pods', '-n', 'harvester-system', '-l', 'kubevirt.io=virt-handler'])).items[0].metadata.name]);

    expect(described.stdout).toMatch(/Status:\s+Running/);
    expect(described.stdout).toContain('k8s.v1.cni.cncf.io/network-status');
  });

  it('describe shows why a virt-handler is stuck: the events Whereabouts left on the pod', async() => {
    const harv3 = ['--kubeconfig', join(dir, 'harv3.yaml')];
    const pods = parse((await run([...harv3, 'get', 'pods', '-n', 'harvester-system', '-l', 'kubevirt.io=virt-handler', '--field-selector', 'status.phase=Pending', '-o', 'yaml'])).stdout);

    expect(pods.items).toHaveLength(1);
    const described = await run([...harv3, '-n', 'harvester-system', 'describe', 'pod', pods.items[0].metadata.name]);

    expect(described.stdout).toMatch(/Warning\s+FailedCreatePodSandBox/);
    expect(described.stdout).toContain('Could not allocate IP in range');
  });

  it('a server-side dry run shows the webhook\'s reason and changes nothing; a stale replace is a Conflict', async() => {
    const before = await yamlOf(['get', ...SETTING]);
    const bad = join(dir, 'bad.json');

    writeFileSync(bad, JSON.stringify({ ...before, value: '{"clusterNetwork":"vm-migration","vlan":5000,"range":"192.168.1.0/24"}' }));
    const denied = await run(['replace', '--dry-run=server', '-f', bad]);

    expect(denied.stderr.trim()).toBe('The settings "vm-migration-network" is invalid: value: the valid value range for VLAN IDs is 0 to 4094');
    expect((await yamlOf(['get', ...SETTING])).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    await run(['annotate', ...SETTING, 'checked=yes']);
    // The annotation made `before` stale.
    writeFileSync(bad, JSON.stringify(before));
    const stale = await run(['replace', '-f', bad]);

    expect(stale.stderr).toContain('Operation cannot be fulfilled on settings.harvesterhci.io "vm-migration-network": the object has been modified');
    expect((await run(['patch', ...SETTING, '--type=strategic', '-p', '{"value":""}'])).stderr).toContain('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
  });

  it('`get -w` prints each change as it happens', async() => {
    const watch: ChildProcess = spawn(kubectl.path, ['--kubeconfig', kubeconfig, 'get', ...SETTING, '-w']);
    let out = '';

    watch.stdout?.on('data', (chunk) => {
      out += String(chunk);
    });
    await until(async() => out.includes('vm-migration-network'));
    await run(['patch', ...SETTING, '--type=merge', '-p', '{"value":""}']);
    await until(async() => out.trim().split('\n').some((line, i) => i > 1 && /^vm-migration-network\s*$/.test(line)));
    watch.kill();
  });
});
