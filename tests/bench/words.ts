/**
 * A Zipfian word source for realistic full-text indexes: the commonest English
 * function words at the head, then a generated vocabulary (pronounceable
 * syllable words) for the long tail, so doclist sizes follow natural text.
 */
const HEAD = `the of and to a in is that for it as was with be by on not he i this are or his from at which but have an they
you were her she there been one all we their has would when if so no will more can said who about what them its than out
up into also other some time could new these two may first then do any like my now over such our man me even most made
after many must before years back through where much your way well down should because each just those people how too
little state good very make world still own see men work long get here between both life being under never day same
another know while last might us great old year off come since against go came right used take three`.split(/\s+/);

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'é'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'nd', 'st', 'rt', 'm'];

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` distinct words, commonest first. */
export function vocabulary(size = 40_000, seed = 11): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const seen = new Set(HEAD);
  const out = [...HEAD];
  while (out.length < size) {
    const syllables = 1 + Math.floor(rand() * 3.2);
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS);
    w += pick(CODAS);
    if (w.length < 3 || seen.has(w)) continue;
    seen.add(w);
    out.push(w);
  }
  return out;
}

/** Draws word ranks with P(rank r) ∝ 1 / (r + 1)^s: the shape of word frequencies in prose. */
export function zipf(n: number, s = 1.05, seed = 5): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cdf[r] = sum += 1 / Math.pow(r + 1, s);
  const rand = prng(seed);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
