/** Median of several timed runs after warm-up; `prepare` runs outside the timed part of each run. */
export async function median<P>(
  runs: number,
  warmup: number,
  prepare: () => P,
  body: (p: P) => unknown | Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const p = prepare();
    if (typeof global.gc === "function") global.gc();
    const t0 = performance.now();
    await body(p);
    const t = performance.now() - t0;
    if (i >= warmup) times.push(t);
  }
  return medianOf(times);
}

export function medianOf(values: readonly number[]): number {
  const v = [...values].sort((x, y) => x - y);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
