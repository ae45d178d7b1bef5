/** @module The seeded PRNG behind fault probabilities. */
/** A function returning numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a small seeded PRNG, so that a fault run with the same seed repeats exactly.
 *
 * @example
 * ```ts
 * const random = mulberry32(42);
 * random(); // always the same first number for seed 42
 * ```
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
