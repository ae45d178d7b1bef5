import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { closeServer, listen } from './listen.js';

describe('listen', () => {
  it('listens on the port asked for', async () => {
    const server = createServer();
    const port = await listen(server, { port: 0, host: '127.0.0.1' });
    assert.ok(port > 0);
    await closeServer(server);
  });

  describe('when the port is taken', () => {
    it('falls back to a free port', async () => {
      const taken = createServer();
      const busyPort = await listen(taken, { port: 0, host: '127.0.0.1' });
      const server = createServer();
      const port = await listen(server, {
        port: busyPort,
        host: '127.0.0.1',
        fallbackWhenBusy: true,
      });
      assert.notEqual(port, busyPort);
      await closeServer(server);
      await closeServer(taken);
    });

    it('fails without the fallback', async () => {
      const taken = createServer();
      const busyPort = await listen(taken, { port: 0, host: '127.0.0.1' });
      const server = createServer();
      await assert.rejects(listen(server, { port: busyPort, host: '127.0.0.1' }), {
        code: 'EADDRINUSE',
      });
      await closeServer(taken);
    });
  });
});
