/** A run of words in one text, marked when the other text does not share it. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/** Words and the spaces/punctuation between them, so the parts join back to the original text. */
function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}'’.-]+|[^\p{L}\p{N}]+/gu) ?? [];
}

const isWord = (t: string) => /[\p{L}\p{N}]/u.test(t);
/** Compare words without case or trailing punctuation: "Iraq," and "Iraq" are the same word. */
const key = (t: string) => t.toLowerCase().replace(/[.’']+$/u, '');

/**
 * Word-level diff of `a` against `b` by longest common subsequence of words:
 * returns `a` split into parts, with words that are not in the common
 * subsequence marked as changed. O(n·m) on word counts, fine for quotes.
 */
export function diffWords(a: string, b: string): DiffPart[] {
  const ta = tokenize(a);
  const wa = ta.map((t, i) => ({ t, i })).filter((x) => isWord(x.t));
  const wb = tokenize(b).filter(isWord).map(key);
  const n = wa.length;
  const m = wb.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = key(wa[i].t) === wb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const common = new Set<number>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (key(wa[i].t) === wb[j]) {
      common.add(wa[i].i);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  const changed = ta.map((t, i) => isWord(t) && !common.has(i));
  const words = ta.map((t, i) => i).filter((i) => isWord(ta[i]));
  // A short common word ("to", "of") alone between two changes reads as part of the change.
  words.forEach((w, k) => {
    if (k > 0 && k < words.length - 1 && !changed[w] && ta[w].length <= 3 && changed[words[k - 1]] && changed[words[k + 1]]) changed[w] = true;
  });
  // Separators between two changed words join them, unless they end a sentence, so a run of new words is one mark.
  ta.forEach((t, i) => {
    if (isWord(t) || /[.!?;:]/.test(t)) return;
    const prev = i > 0 && changed[i - 1];
    const next = i < ta.length - 1 && changed[i + 1];
    if (prev && next) changed[i] = true;
  });
  const parts: DiffPart[] = [];
  ta.forEach((t, i) => {
    const last = parts[parts.length - 1];
    if (last && last.changed === changed[i]) last.text += t;
    else parts.push({ text: t, changed: changed[i] });
  });
  return parts;
}
