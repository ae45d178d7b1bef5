import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReconcileOptions, ReconcileReport } from './reconcile.js';
import { createReconcileHandler } from './reconcile-handler.js';

const SECRET = 'cron-secret-0123456789abcdef0123456789';
const REPORT = { checked: 1, reconciled: 1 } as ReconcileReport;

function handler() {
  const sweeps: ReconcileOptions[] = [];
  const handle = createReconcileHandler(
    async (options) => {
      sweeps.push(options);
      return REPORT;
    },
    { secret: SECRET, pending: () => [], olderThanMs: 1 },
  );
  return { handle, sweeps };
}

const call = (init: RequestInit = {}) =>
  new Request('https://shop.example/api/wpay/reconcile', init);

describe('the reconcile endpoint', () => {
  it('sweeps and answers the report for the configured bearer, by GET or POST', async () => {
    const { handle, sweeps } = handler();
    const headers = { authorization: `Bearer ${SECRET}` };
    const answer = await handle(call({ headers }));
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), REPORT);
    assert.equal((await handle(call({ method: 'POST', headers }))).status, 200);
    assert.equal(sweeps.length, 2);
    assert.equal(sweeps[0]?.olderThanMs, 1);
  });

  it('refuses a missing, wrong or differently long bearer without sweeping', async () => {
    const { handle, sweeps } = handler();
    for (const authorization of [
      undefined,
      `Bearer ${SECRET}x`,
      `Bearer ${SECRET.slice(1)}`,
      SECRET,
      'Basic abc',
    ]) {
      const answer = await handle(call(authorization ? { headers: { authorization } } : {}));
      assert.equal(answer.status, 401, String(authorization));
    }
    assert.equal(sweeps.length, 0);
  });

  it('answers 405 to other methods', async () => {
    const answer = await handler().handle(
      call({ method: 'PUT', headers: { authorization: `Bearer ${SECRET}` } }),
    );
    assert.equal(answer.status, 405);
  });

  it('cannot be created open: a missing or short secret throws, naming the option', () => {
    for (const secret of [undefined, '', 'short']) {
      assert.throws(
        () =>
          createReconcileHandler(async () => REPORT, {
            secret: secret as string,
            pending: () => [],
          }),
        { name: 'WPayConfigError', field: 'secret' },
      );
    }
  });
});
