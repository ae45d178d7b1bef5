// Statistics of the harness: medians, spread and the verdict of a ratio. Pure functions, tested by
// bench/stats.test.mjs.

/** The q-quantile (0…1) of sorted numbers, linear between neighbours. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/**
 * Median, min, max, quartiles and the relative spread of one figure's runs. `spread` is the
 * interquartile range over the median (0.05 = the middle half of the runs lie within 5 %).
 */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    median,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1,
    q3,
    spread: median === 0 ? 0 : Math.abs((q3 - q1) / median),
    runs: values,
  };
}

/**
 * A variant's figure against the baseline's: ratio of medians, difference of medians, and
 * whether the ratio is a change — only when it departs from 1 by more than the larger of the two
 * spreads. `better` says which direction is good ('higher' for req/s, 'lower' for µs or bytes).
 */
export function compare(variant, baseline, better = 'higher') {
  const ratio = baseline.median === 0 ? Number.NaN : variant.median / baseline.median;
  const noise = Math.max(variant.spread, baseline.spread);
  const change = Number.isFinite(ratio) && Math.abs(ratio - 1) > noise;
  let verdict = 'within noise';
  if (change) {
    const up = ratio > 1;
    verdict = up === (better === 'higher') ? 'better' : 'worse';
  }
  return { ratio, delta: variant.median - baseline.median, noise, change, verdict };
}

/** Whether `value` satisfies a target `[op, limit]`, e.g. `['>=', 0.9]`. */
export function meets(value, [op, limit]) {
  if (!Number.isFinite(value)) return false;
  if (op === '>=') return value >= limit;
  if (op === '<=') return value <= limit;
  if (op === '>') return value > limit;
  if (op === '<') return value < limit;
  throw new Error(`unknown target operator ${op}`);
}
