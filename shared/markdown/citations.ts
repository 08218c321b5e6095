import { MEDIA } from '../model/statement';
import { RELATIONS } from '../model/statement';
import { blockquote, escapeInline, escapeParagraphs, obsidianTag, urlText } from './escape';
import type { CrossReferenceData, QuoteData, QuoteSource } from './model';

const oneLine = (s: string) => escapeInline(s.replace(/\s+/g, ' ').trim());

/**
 * Numbers each source once, in order of first citation, and collects the
 * pages cited from PDFs; renders the GFM footnote definitions at the end.
 */
export class Footnotes {
  private readonly bySource = new Map<number, { n: number; source: QuoteSource; pages: Set<number> }>();
  private readonly blockIds = new Set<string>();

  cite(q: QuoteData): number {
    let entry = this.bySource.get(q.source.id);
    if (!entry) {
      entry = { n: this.bySource.size + 1, source: q.source, pages: new Set() };
      this.bySource.set(q.source.id, entry);
    }
    if (q.page !== null) entry.pages.add(q.page);
    return entry.n;
  }

  /** An Obsidian block id (^id), unique within the file even when a quote appears twice. */
  blockId(annotationId: number): string {
    let id = `q${annotationId}`;
    for (let i = 2; this.blockIds.has(id); i++) id = `q${annotationId}-${i}`;
    this.blockIds.add(id);
    return id;
  }

  sources(): QuoteSource[] {
    return [...this.bySource.values()].map((e) => e.source);
  }

  definitions(): string {
    return [...this.bySource.values()].map((e) => `[^${e.n}]: ${sourceCitation(e.source, [...e.pages].sort((a, b) => a - b))}`).join('\n');
  }
}

/** Title, outlet, author, published date, URL and, for PDFs, the pages cited. */
export function sourceCitation(s: QuoteSource, pages: number[] = []): string {
  const parts = [`*${oneLine(s.title)}*`];
  if (s.outlet) parts.push(oneLine(s.outlet));
  if (s.byline) parts.push(`by ${oneLine(s.byline.replace(/^by\s+/i, ''))}`);
  if (s.publishedAt) parts.push(`published ${s.publishedAt.slice(0, 10)}`);
  if (s.url) parts.push(urlText(s.url));
  if (pages.length) parts.push(`${pages.length === 1 ? 'p.' : 'pp.'} ${pages.join(', ')}`);
  return `${parts.join(', ')}.`;
}

/** The attribution's parts as plain text: speaker, role, medium, date, where reported; the editor shows these too. */
export function attributionParts(q: QuoteData): string[] {
  if (!q.speaker) return [];
  const parts = [q.speaker];
  if (q.role) parts.push(q.role);
  if (q.medium) parts.push(MEDIA[q.medium].toLowerCase());
  if (q.saidOn) parts.push(q.saidOn.slice(0, 10));
  if (q.reportedIn) parts.push(`reported in ${q.reportedIn}`);
  if (q.quoteKind === 'paraphrase') parts.push('paraphrased');
  return parts;
}

/** "**John Kirby**, Pentagon press secretary, tweet or post, 2021-02-19" or the source for a plain highlight. */
export function attribution(q: QuoteData): string {
  const page = q.page !== null ? `, p. ${q.page}` : '';
  if (!q.speaker) return `Highlight from *${oneLine(q.source.title)}*${page}`;
  const [speaker, ...rest] = attributionParts(q).map(oneLine);
  return `${[`**${speaker}**`, ...rest].join(', ')}${page}`;
}

function tagsOf(q: QuoteData): string {
  const tags = [obsidianTag(`highlight/${q.color}`), ...q.tags.map(obsidianTag)].filter((t): t is string => t !== null);
  return tags.length ? ` ${tags.join(' ')}` : '';
}

/**
 * A quote: the exact text as a blockquote, its Obsidian block id on its own
 * line (Obsidian's form for quotes), then "— attribution[^n] #tags".
 */
export function quoteMarkdown(q: QuoteData, notes: Footnotes): string {
  const n = notes.cite(q);
  return `${blockquote(q.exact)}\n\n^${notes.blockId(q.annotationId)}\n\n— ${attribution(q)}[^${n}]${tagsOf(q)}`;
}

const who = (q: QuoteData) => (q.speaker ? `**${oneLine(q.speaker)}**` : `a highlight from *${oneLine(q.source.title)}*`);

/** "**A** qualifies **B**." with the researcher's note, then both quotes. */
export function crossReferenceMarkdown(x: CrossReferenceData, notes: Footnotes): string {
  const sentence = `${capitalise(who(x.from))} ${RELATIONS[x.relation].label} ${who(x.to)}.`;
  const note = x.note.trim() ? `\n\n${escapeParagraphs(x.note.trim()).join('\n')}` : '';
  return `${sentence}${note}\n\n${quoteMarkdown(x.from, notes)}\n\n${quoteMarkdown(x.to, notes)}`;
}

const capitalise = (s: string) => (s.startsWith('a ') ? `A${s.slice(1)}` : s);
