// The sandbox as a bench server: started as `wpay-sandbox` would start it, in its own process.
// `listening` names a small side server (the harness's benchServer) that answers the sandbox's
// URL, `/__bench/cpu` and `/__bench/heap` (heap after a full GC), so the sandbox's own port
// serves nothing but the sandbox.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { benchServer } from '../../../../bench/harness.mjs';
import { startSandbox } from '../../src/index.js';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const sb = await startSandbox({ timeScale: 1000 });
await benchServer((req, res) => {
  if (req.url === '/__bench/sandbox') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ url: sb.url, credentials: sb.credentials }));
  } else if (req.url === '/__bench/heap') {
    gc();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        heapUsed: process.memoryUsage().heapUsed,
        payments: sb.stats().checkouts,
      }),
    );
  } else {
    res.writeHead(404).end();
  }
});
process.on('SIGTERM', () => void sb.close());
