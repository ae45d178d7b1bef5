/**
 * Test helper: a claim store on a clock the test moves, counting renewals, to show that a claim
 * outlives its lease while its work runs (see `claim-renewal.test.ts`).
 */
import type { Claim, ClaimOptions, ClaimStore, HeldClaim } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';

/**
 * A claim store on a clock the test moves, counting renewals. The test moves the clock well past
 * the lease while the work runs, but only after it has seen a renewal each time: with renewal the
 * claim holds however slow the machine is; without it, it lapses.
 */
export function storeOnAClock() {
  let time = 1_760_000_000_000;
  const inner = new MemoryClaimStore({ now: () => time });
  let renewals = 0;
  let waiting: Array<() => void> = [];
  const store: ClaimStore = {
    async claim(key: string, options: ClaimOptions): Promise<Claim> {
      const claim = await inner.claim(key, options);
      if (claim.state !== 'claimed') return claim;
      const held: HeldClaim = {
        ...claim,
        renew: async () => {
          const ok = await claim.renew();
          renewals++;
          for (const wake of waiting) wake();
          waiting = [];
          return ok;
        },
      };
      return held;
    },
  };
  const nextRenewal = () => new Promise<void>((resolve) => waiting.push(resolve));
  return {
    store,
    renewals: () => renewals,
    advance: (ms: number) => {
      time += ms;
    },
    /**
     * Moves the clock `times` × `step` ms, each step after a renewal was seen. When no renewal
     * comes within 5 s (nothing renews), moves the rest at once.
     */
    async outlast(times: number, step: number) {
      for (let i = 0; i < times; i++) {
        let timer: NodeJS.Timeout | undefined;
        const renewed = await Promise.race([
          nextRenewal().then(() => true),
          new Promise<false>((resolve) => {
            timer = setTimeout(resolve, 5000, false);
          }),
        ]);
        clearTimeout(timer);
        if (!renewed) {
          time += (times - i) * step;
          return;
        }
        time += step;
      }
    },
  };
}
