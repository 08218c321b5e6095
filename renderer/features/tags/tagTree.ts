import type { Tag } from '../../../shared/model/entities';

export interface TagNode {
  /** Full name, "iraq/nato-mission". */
  name: string;
  /** Last part, "nato-mission". */
  label: string;
  depth: number;
  /** The stored tag, or null for a parent that exists only through its children. */
  tag: Tag | null;
  /** Sources tagged with this tag or any descendant (an upper bound: a source may carry several). */
  sourceTotal: number;
}

/** Tags as a depth-first tree, parents before children, implied parents included. */
export function tagTree(tags: Tag[]): TagNode[] {
  const byName = new Map<string, TagNode>();
  for (const tag of tags) {
    const parts = tag.name.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const name = parts.slice(0, i).join('/');
      const key = name.toLowerCase();
      let node = byName.get(key);
      if (!node) {
        node = { name, label: parts[i - 1], depth: i - 1, tag: null, sourceTotal: 0 };
        byName.set(key, node);
      }
      if (i === parts.length) node.tag = tag;
      node.sourceTotal += tag.sourceCount;
    }
  }
  // Sorting by the parts keeps children right under their parent ("a/b" before "a-b").
  return [...byName.values()].sort((a, b) => {
    const pa = a.name.toLowerCase().split('/');
    const pb = b.name.toLowerCase().split('/');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
    return pa.length - pb.length;
  });
}

/** Autocomplete: names starting with what was typed first, then names with a part starting with it. */
export function suggestTags(names: string[], typed: string, exclude: string[] = [], max = 8): string[] {
  const q = typed.trim().toLowerCase();
  const skip = new Set(exclude.map((e) => e.toLowerCase()));
  const starts: string[] = [];
  const parts: string[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    if (skip.has(n)) continue;
    if (!q || n.startsWith(q)) starts.push(name);
    else if (n.split(/[/-]/).some((p) => p.startsWith(q)) || n.includes(q)) parts.push(name);
  }
  return [...starts, ...parts].slice(0, max);
}
