import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../faults/mulberry32.js';
import { SandboxClock } from './sandbox-clock.js';

describe('when the sandbox clock advances', () => {
  it('runs the jobs that became due, in time order', async () => {
    const clock = new SandboxClock({ realNow: () => 1_000 });
    const ran: string[] = [];
    clock.at(3_000, () => void ran.push('second'));
    clock.at(2_000, () => void ran.push('first'));
    clock.at(9_000, () => void ran.push('later'));
    await clock.advance(5_000);
    assert.deepEqual(ran, ['first', 'second']);
    assert.equal(clock.now(), 6_000);
    clock.stop();
  });

  it('runs jobs scheduled by due jobs when they are due too', async () => {
    const clock = new SandboxClock({ realNow: () => 0 });
    const ran: number[] = [];
    const every = (at: number): void => {
      clock.at(at, () => {
        ran.push(at);
        every(at + 10);
      });
    };
    every(10);
    await clock.advance(35);
    assert.deepEqual(ran, [10, 20, 30]);
    clock.stop();
  });

  it('does not run a cancelled job', async () => {
    const clock = new SandboxClock({ realNow: () => 0 });
    let ran = false;
    const cancel = clock.at(10, () => {
      ran = true;
    });
    cancel();
    await clock.advance(20);
    assert.equal(ran, false);
    clock.stop();
  });

  it('reports a failing job and keeps going', async () => {
    const errors: unknown[] = [];
    const clock = new SandboxClock({ realNow: () => 0, onError: (e) => errors.push(e) });
    let ran = false;
    clock.at(1, () => {
      throw new Error('boom');
    });
    clock.at(2, () => {
      ran = true;
    });
    await clock.advance(5);
    assert.equal(errors.length, 1);
    assert.equal(ran, true);
    clock.stop();
  });

  it('refuses to go backwards', async () => {
    const clock = new SandboxClock();
    await assert.rejects(clock.advance(-1), RangeError);
    clock.stop();
  });
});

describe('when real time passes', () => {
  it('runs a job on its own', async () => {
    const clock = new SandboxClock();
    await new Promise<void>((resolve) => clock.after(5, resolve));
    clock.stop();
  });
});

describe('when drawing from the seeded PRNG', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
  });

  it('draws another sequence for another seed', () => {
    assert.notEqual(mulberry32(7)(), mulberry32(8)());
  });
});
