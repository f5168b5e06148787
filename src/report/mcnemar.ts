/**
 * The exact McNemar test on paired pass/fail results: under "no change" every discordant pair (solved in one run
 * only) is a fair coin, so the number of losses among the n discordant pairs is Binomial(n, 1/2).
 */

/** The outcome of the test: discordant counts and the two-sided exact p-value. */
export interface McNemarResult {
  /** Solved in the base run only (losses). */
  readonly lost: number;
  /** Solved in the head run only (gains). */
  readonly gained: number;
  /** Two-sided exact p-value (1 when there are no discordant pairs). */
  readonly p: number;
}

/** log(n!) by summing logs (exact enough for n up to millions, and n is the number of functions). */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) out[i] = out[i - 1]! + Math.log(i);
  return out;
}

/** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n does not underflow. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  const lf = logFactorials(n);
  const logHalfN = n * Math.log(0.5);
  let sum = 0;
  for (let i = 0; i <= k; i++) sum += Math.exp(lf[n]! - lf[i]! - lf[n - i]! + logHalfN);
  return Math.min(1, sum);
}

/** Exact two-sided McNemar test: p = min(1, 2 * P(X <= min(lost, gained))). */
export function mcnemarExact(lost: number, gained: number): McNemarResult {
  const n = lost + gained;
  if (n === 0) return { lost, gained, p: 1 };
  const p = Math.min(1, 2 * binomialHalfCdf(Math.min(lost, gained), n));
  return { lost, gained, p };
}
