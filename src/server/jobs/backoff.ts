/**
 * Seconds before retry n (n = the attempt that just failed, from 1): exponential, capped, with
 * "equal jitter" — between half and all of min(cap, base × 2^(n−1)) — so jobs that failed together
 * do not retry together, and no wait ever exceeds the cap.
 */
export function retryDelaySeconds(
  attempt: number,
  backoff: { baseSeconds: number; capSeconds: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(backoff.capSeconds, backoff.baseSeconds * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round((ceiling / 2 + (ceiling / 2) * unit) * 1000) / 1000;
}
