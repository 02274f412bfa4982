// `npm run dev`: the simulator and the shell dev server together (Ctrl-C stops both).
// With API=https://my-rancher set, only the dev server runs, proxying to that Rancher.
import { spawn } from 'node:child_process';

const SIM_PORT = process.env.SIM_PORT ?? '8989';
const external = process.env.API;
const children = [];

function start(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });

  children.push(child);
  child.on('exit', (code) => {
    stopAll();
    process.exit(code ?? 0);
  });

  return child;
}

function stopAll() {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
}

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

if (!external) {
  start('tsx', ['harvester-sim/src/main.ts', '--port', SIM_PORT, '--speed', process.env.SIM_SPEED ?? 'realistic']);
}
start('vue-cli-service', ['serve'], { API: external ?? `http://127.0.0.1:${ SIM_PORT }`, NODE_ENV: 'dev' });

console.log(`
Dashboard: https://localhost:8005 (self-signed certificate; compiling takes about a minute)
${ external ? `Proxying to ${ external }` : `Simulator: http://127.0.0.1:${ SIM_PORT }  Log in as admin / admin (also viewer / viewer, limited / limited)` }
`);
