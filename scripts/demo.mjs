// `npm run demo`: installs what is missing, then starts the embedded sandbox, the merchant server and
// the storefront in one process (demo/server/main.ts). Ctrl-C (or SIGTERM) stops everything.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensurePnpm, installModules } from './setup.mjs';

ensurePnpm();
installModules();
// Run node directly rather than through pnpm: pnpm ignores a SIGINT that does not come from a
// terminal, which would leave the demo running when a supervisor stops this script.
const child = spawn(
  process.execPath,
  ['--conditions=@wpay/source', '--import', 'tsx', 'server/main.ts'],
  {
    cwd: fileURLToPath(new URL('../demo/', import.meta.url)),
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
