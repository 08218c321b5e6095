const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Dice overlap of two texts' word multisets: 1 when they hold the same words, whatever their order; 0 when none in common. */
export function wordOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w);
    if (c) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return wa.length + wb.length ? (2 * common) / (wa.length + wb.length) : 1;
}
