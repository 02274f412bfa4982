import { Simulator } from './server';
import { harvesterOptions } from './harvester/simulator';
import { DEFAULT_RANCHER, isRancherVersion, RANCHER_VERSIONS } from './rancher-version';

/**
 * `npm run sim [-- --port N --fleet NAME --scenario NAME --speed fast|realistic --rancher 2.12|…|2.15 --plugin DIR ...]`;
 * SIM_PORT / SIM_FLEET / SIM_SCENARIO / SIM_SPEED / SIM_RANCHER / SIM_PLUGINS (folders separated by `:`) work too.
 */
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${ name }`);

  return index >= 0 ? process.argv[index + 1] : undefined;
}

function args(name: string): string[] {
  return process.argv.flatMap((value, i) => (process.argv[i - 1] === `--${ name }` ? [value] : []));
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.SIM_PORT ?? 8989);
  const fleet = arg('fleet') ?? process.env.SIM_FLEET ?? 'default';
  const scenario = arg('scenario') ?? process.env.SIM_SCENARIO;
  const speed = arg('speed') ?? process.env.SIM_SPEED ?? 'realistic';
  const rancher = arg('rancher') ?? process.env.SIM_RANCHER ?? DEFAULT_RANCHER;

  if (!isRancherVersion(rancher)) {
    throw new Error(`--rancher ${ rancher }: the simulator imitates Rancher ${ RANCHER_VERSIONS.join(', ') }`);
  }
  const plugins = [...args('plugin'), ...(process.env.SIM_PLUGINS ?? '').split(':').filter(Boolean)];
  const started = Date.now();
  const sim = new Simulator({
    port, fleet, scenario, plugins, rancher, ...harvesterOptions(speed === 'fast' ? 50 : 1500)
  });
  const bound = await sim.listen();
  const clusters = sim.clusters().filter((c) => c.isHarvester).map((c) => `${ c.id } ${ c.spec.scenario }${ c.connected ? '' : ' (disconnected)' }`);

  // eslint-disable-next-line no-console
  console.log([
    `harvester-sim: Rancher ${ rancher } + Harvester API on http://127.0.0.1:${ bound } (fleet ${ fleet }, ${ speed } speed, ready in ${ Date.now() - started } ms)`,
    `  clusters: ${ clusters.length > 6 ? `${ clusters.slice(0, 6).join(', ') }, ... (${ clusters.length })` : clusters.join(', ') }`,
    `  plugins: ${ sim.plugins.list().map((p) => `${ p.name } ${ p.version }`).join(', ') || 'none' }`,
    '  users: admin/admin, viewer/viewer, limited/limited, operator/operator',
  ].join('\n'));
  const stop = () => {
    sim.close().finally(() => process.exit(0));
  };

  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  // eslint-disable-next-line no-console
  console.error(err);
  process.exit(1);
});
