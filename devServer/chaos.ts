/** Injected faults for tests and benchmarks: latency, 429 with Retry-After, 5xx, dropped connections. */
export interface ChaosOptions {
  latency?: number;
  throttle?: number;
  error?: number;
  drop?: number;
  /** Seconds in the Retry-After of an injected 429. */
  retryAfter?: number;
}

export type ChaosOutcome =
  | { kind: 'pass' }
  | { kind: 'throttle'; retryAfter: number }
  | { kind: 'error'; status: number }
  | { kind: 'drop' };

/** mulberry32: a small seeded PRNG, so a chaos run can be replayed with --seed-random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function parseChaos(spec: string | undefined): ChaosOptions {
  const out: ChaosOptions = {};
  for (const part of (spec ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!['latency', 'throttle', 'error', 'drop', 'retryAfter'].includes(k) || !Number.isFinite(Number(v))) {
      throw new Error(
        `Unknown chaos setting '${part}' (use latency=ms,throttle=p,error=p,drop=p,retryAfter=s)`,
      );
    }
    (out as Record<string, number>)[k] = Number(v);
  }
  return out;
}

export function decide(chaos: ChaosOptions, random: () => number): ChaosOutcome {
  const r = random();
  let edge = chaos.drop ?? 0;
  if (r < edge) return { kind: 'drop' };
  edge += chaos.throttle ?? 0;
  if (r < edge) return { kind: 'throttle', retryAfter: chaos.retryAfter ?? 1 };
  edge += chaos.error ?? 0;
  if (r < edge) return { kind: 'error', status: [500, 502, 503, 504][Math.floor(random() * 4)] };
  return { kind: 'pass' };
}
