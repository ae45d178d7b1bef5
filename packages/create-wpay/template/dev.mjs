// `npm run dev`: the local WPay sandbox on WPAY_BASE_URL's port, with the credentials of .env and
// its webhooks sent to this shop's webhook route, and the shop itself (restarted when a file
// changes). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.loadEnvFile('.env');
const env = process.env;
const port = Number(env.PORT ?? 3000);
const sandboxPort = new URL(env.WPAY_BASE_URL).port;
const webhookUrl = `http://127.0.0.1:${port}/api/webhooks/wpay`;

const manifest = fileURLToPath(import.meta.resolve('@wpay/sandbox/package.json'));
const bin = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin['wpay-sandbox']);
const sandboxArgs = [
  ...['--port', sandboxPort, '--webhook-url', webhookUrl],
  ...[
    '--api-key',
    env.WPAY_API_KEY,
    '--api-secret',
    env.WPAY_API_SECRET,
    '--sign-key',
    env.WPAY_SIGN_KEY,
  ],
];

const children = [
  spawn(process.execPath, [bin, ...sandboxArgs], { stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', 'server.mjs'], { stdio: 'inherit', env }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop);
for (const child of children) child.on('exit', stop);
