import { expect } from '@open-wc/testing';
import { sleep } from './sleep.js';

describe('sleep', () => {
  it('resolves after the delay', async () => {
    await sleep(1, new AbortController().signal);
  });

  it('rejects with the signal’s reason as soon as it aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort('stop');
    let reason: unknown;
    await pending.catch((error: unknown) => {
      reason = error;
    });
    expect(reason).to.equal('stop');
  });

  it('rejects at once with an already aborted signal', async () => {
    let reason: unknown;
    await sleep(1, AbortSignal.abort('gone')).catch((error: unknown) => {
      reason = error;
    });
    expect(reason).to.equal('gone');
  });
});
