import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FaultInjector } from './fault-injector.js';
import { parseFaultFlag } from './fault-rule.js';

const HPP = '/checkout/w-payment/hpp';

describe('when a fault rule has a times count', () => {
  it('fires that many times, then never', () => {
    const faults = new FaultInjector(1, [{ kind: 'http-5xx', path: HPP, times: 2 }]);
    const fired = [1, 2, 3].map(() => faults.pick(HPP, 'http').length);
    assert.deepEqual(fired, [1, 1, 0]);
    assert.equal(faults.injected, 2);
  });
});

describe('when a fault rule names a path', () => {
  it('does not fire on another path', () => {
    const faults = new FaultInjector(1, [{ kind: 'http-5xx', path: HPP }]);
    assert.equal(faults.pick('/checkout/w-payment/refund', 'http').length, 0);
  });

  it('fires everywhere with *', () => {
    const faults = new FaultInjector(1, [{ kind: 'latency' }]);
    assert.equal(faults.pick('/checkout/w-payment/refund', 'http').length, 1);
  });

  it('keeps webhook faults out of HTTP requests', () => {
    const faults = new FaultInjector(1, [{ kind: 'webhook-drop' }]);
    assert.equal(faults.pick(HPP, 'http').length, 0);
    assert.equal(faults.pick('credit_card.order.paid', 'webhook').length, 1);
  });
});

describe('when a fault rule has a probability', () => {
  const run = (seed: number) => {
    const faults = new FaultInjector(seed, [{ kind: 'http-5xx', probability: 0.5 }]);
    return Array.from({ length: 40 }, () => faults.pick(HPP, 'http').length);
  };

  it('repeats the same pattern with the same seed', () => {
    assert.deepEqual(run(99), run(99));
  });

  it('fires some of the time, not always', () => {
    const hits = run(99).filter(Boolean).length;
    assert.ok(hits > 0 && hits < 40, `hits: ${hits}`);
  });
});

describe('when parsing --fault flags', () => {
  it('reads kind, path, times and numbers', () => {
    const rule = parseFaultFlag(`kind=http-5xx,path=${HPP},times=2,status=502`);
    assert.equal(rule.kind, 'http-5xx');
    assert.equal(rule.path, HPP);
    assert.equal(rule.times, 2);
    assert.equal(rule.status, 502);
    assert.equal(rule.probability, 1);
  });

  it('refuses an unknown kind, naming the field', () => {
    assert.throws(() => parseFaultFlag('kind=meteor'), /kind/);
  });

  it('refuses a pair without =', () => {
    assert.throws(() => parseFaultFlag('kind'), /key=value/);
  });

  it('refuses an unknown key', () => {
    assert.throws(() => parseFaultFlag('kind=latency,color=red'), /color/);
  });
});

describe('when managing rules', () => {
  it('removes one rule by id and clears all', () => {
    const faults = new FaultInjector(1);
    const a = faults.add({ kind: 'latency' });
    faults.add({ kind: 'timeout' });
    assert.equal(faults.remove(a.id), true);
    assert.equal(faults.list().length, 1);
    faults.clear();
    assert.equal(faults.list().length, 0);
  });
});
