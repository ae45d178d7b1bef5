// `npm run demo`: installs what is missing, then starts the embedded sandbox, the merchant server
// and the storefront (see demo/README.md). Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { ensurePnpm, installModules } from './setup.mjs';

ensurePnpm();
installModules();
const child = spawn('pnpm', ['--filter', '@wpay/demo', 'run', 'start'], { stdio: 'inherit' });
const stop = () => child.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
