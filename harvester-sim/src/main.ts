import { Simulator } from './server';
import { generateCluster, GenerateOptions, installHarvester } from './harvester';

/** `npm run sim [-- --port N --scenario NAME --speed fast|realistic]`; SIM_PORT / SIM_SCENARIO / SIM_SPEED work too. */
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${ name }`);

  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.SIM_PORT ?? 8989);
  const scenario = arg('scenario') ?? process.env.SIM_SCENARIO ?? 'default';
  const speed = arg('speed') ?? process.env.SIM_SPEED ?? 'realistic';
  const stepMs = speed === 'fast' ? 50 : 1500;
  const sim = new Simulator({
    port,
    scenario,
    install:  (store) => installHarvester(store, { stepMs }),
    generate: (params) => generateCluster(params as unknown as GenerateOptions),
  });
  const bound = await sim.listen();

  // eslint-disable-next-line no-console
  console.log(`harvester-sim: Rancher + Harvester API on http://127.0.0.1:${ bound } (scenario ${ scenario }, ${ speed } speed; users admin/admin, viewer/viewer, limited/limited)`);
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
