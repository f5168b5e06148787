/** Fixed-size bitsets over example indices, as Uint32Array words (examples can number in the hundreds). */
export type Bits = Uint32Array;

export function bitsOf(n: number): Bits {
  return new Uint32Array((n + 31) >>> 5);
}

export function setBit(b: Bits, i: number): void {
  b[i >>> 5] = (b[i >>> 5] as number) | (1 << (i & 31));
}

export function hasBit(b: Bits, i: number): boolean {
  return ((b[i >>> 5] as number) & (1 << (i & 31))) !== 0;
}

export function allOnes(n: number): Bits {
  const b = bitsOf(n);
  for (let i = 0; i < n; i++) setBit(b, i);
  return b;
}

export function popcount(b: Bits): number {
  let n = 0;
  for (const w of b) {
    let x = w - ((w >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }
  return n;
}

export function and(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = (a[i] as number) & (b[i] as number);
  return r;
}

export function andNot(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = (a[i] as number) & ~(b[i] as number);
  return r;
}

export function or(a: Bits, b: Bits): Bits {
  const r = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = (a[i] as number) | (b[i] as number);
  return r;
}

/** a ⊆ b */
export function subset(a: Bits, b: Bits): boolean {
  for (let i = 0; i < a.length; i++) if (((a[i] as number) & ~(b[i] as number)) !== 0) return false;
  return true;
}

export function isEmpty(a: Bits): boolean {
  for (const w of a) if (w !== 0) return false;
  return true;
}

export function bitsKey(a: Bits): string {
  return Array.from(a, (w) => w.toString(36)).join(",");
}
