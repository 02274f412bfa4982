/** A seeded generator of numbers in [0, 1) (mulberry32): a test that draws from it does the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed;

  return () => {
    a = (a + 0x6D2B79F5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);

    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;

    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
