import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { createDeadlineSignals, DeadlineSignals } from './deadline-signals.js';

/** Active timers that keep this process alive. */
const refTimers = () =>
  process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

describe('when calls share timeout signals', () => {
  it('gives calls whose deadlines fall in one slot the same signal, and a later one another', () => {
    let now = 1001;
    const deadlines = new DeadlineSignals(() => now);
    const first = deadlines.acquire(1000);
    now = 1005;
    const second = deadlines.acquire(1000);
    now = 1011;
    const third = deadlines.acquire(1000);
    assert.equal(second.signal, first.signal);
    assert.notEqual(third.signal, first.signal);
    assert.equal(deadlines.size, 2);
    for (const slot of [first, second, third]) deadlines.release(slot);
  });

  it('keeps only the newest slot once its calls have ended, so idle slots never pile up', () => {
    let now = 0;
    const deadlines = new DeadlineSignals(() => now);
    for (; now < 1_000; now += 3) deadlines.release(deadlines.acquire(30_000));
    assert.equal(deadlines.size, 1);
    const inFlight = deadlines.acquire(30_000);
    now += 50;
    deadlines.release(deadlines.acquire(30_000));
    assert.equal(deadlines.size, 2, 'the slot of the call in flight, and the newest');
    deadlines.release(inFlight);
    assert.equal(deadlines.size, 1);
  });

  it('never ends a slot before a call’s deadline, and at most 1 % (1 to 10 ms) after it', () => {
    let now = 0;
    const deadlines = new DeadlineSignals(() => now);
    for (const timeoutMs of [1, 30, 999, 1_000, 5_000, 30_000]) {
      for (now = 0; now < 50; now += 0.7) {
        const slot = deadlines.acquire(timeoutMs);
        const late = slot.end - (now + timeoutMs);
        assert.ok(late >= 0, `ends ${-late} ms before the deadline (${timeoutMs} ms)`);
        const width = Math.min(10, Math.max(1, timeoutMs / 100));
        assert.ok(late < width + 1e-9, `ends ${late} ms late (${timeoutMs} ms)`);
        deadlines.release(slot);
      }
    }
  });

  it('aborts a slot’s signal once its end has passed, and forgets the slot', async () => {
    const deadlines = new DeadlineSignals();
    const slot = deadlines.acquire(5);
    assert.equal(slot.expired, false);
    await once(slot.signal, 'abort');
    assert.equal(slot.expired, true);
    assert.equal(deadlines.size, 0);
    deadlines.release(slot);
  });

  it('keeps the process alive only while a call of the slot is in flight', () => {
    const now = 0;
    const deadlines = new DeadlineSignals(() => now);
    const before = refTimers();
    const first = deadlines.acquire(60_000);
    const second = deadlines.acquire(60_000);
    assert.equal(refTimers(), before + 1, 'one timer for the slot');
    deadlines.release(first);
    assert.equal(refTimers(), before + 1, 'a call is still in flight');
    deadlines.release(second);
    assert.equal(
      refTimers(),
      before,
      'no call in flight: the timer must not keep the process alive',
    );
    const third = deadlines.acquire(60_000);
    assert.equal(third.signal, first.signal);
    assert.equal(refTimers(), before + 1, 'a new call in the slot keeps it alive again');
    deadlines.release(third);
    assert.equal(refTimers(), before);
  });

  it('lets the many calls of one slot listen to its signal without a leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const deadlines = new DeadlineSignals(() => 0); // one clock reading: one slot
      const slots = Array.from({ length: 100 }, () => deadlines.acquire(60_000));
      const listeners = slots.map((slot) => {
        const listener = () => {};
        slot.signal.addEventListener('abort', listener);
        return listener;
      });
      assert.equal(new Set(slots.map((slot) => slot.signal)).size, 1, 'one shared signal');
      await new Promise((resolve) => setImmediate(resolve));
      for (const [i, slot] of slots.entries()) {
        slot.signal.removeEventListener('abort', listeners[i] as () => void);
      }
      for (const slot of slots) deadlines.release(slot);
      assert.deepEqual(
        warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('is made on Node, where timers can be unreferenced', () => {
    assert.ok(createDeadlineSignals() instanceof DeadlineSignals);
  });

  it('is not made where a timer is a number (edge runtimes): each call keeps its own', () => {
    const edge = { setTimeout: () => 1, clearTimeout: () => {} } as unknown as Pick<
      typeof globalThis,
      'setTimeout' | 'clearTimeout'
    >;
    assert.equal(createDeadlineSignals(undefined, edge), undefined);
  });
});
