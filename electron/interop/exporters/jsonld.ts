import type { Annotation } from '../../../shared/model/entities';
import type { Medium, QuoteKind, Relation } from '../../../shared/model/statement';

/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/).
 *
 * Our extension lives under the `collate:` prefix, bound in the @context to
 * COLLATE_NS. Terms (all optional; readers that do not know them can ignore them):
 * - collate:color      the highlight colour key ("yellow")
 * - collate:note       the note as Lexical JSON (the TextualBody carries its plain text)
 * - collate:statement  {speaker, role, saidOn, medium, reportedIn, quoteKind}: who said the quoted words
 * - collate:links      [{relation, target, note, confidence}]: typed links from this statement to
 *                      another annotation of the same collection, by its id
 * - collate:source     {title, byline, outlet, publishedAt, url}: the source's metadata, used to
 *                      match the source on import when it has no URL
 */
export const COLLATE_NS = 'https://collate.app/ns/annotation#';
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CONTEXT = [ANNO_CONTEXT, { collate: COLLATE_NS }];

export const annotationIri = (id: number) => `urn:collate:annotation:${id}`;
export const sourceIri = (id: number) => `urn:collate:source:${id}`;

export interface ExportSource {
  id: number;
  title: string;
  byline: string | null;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
}

export interface ExportLink {
  fromId: number;
  toId: number;
  relation: Relation;
  note: string;
  confidence: number | null;
}

export interface StatementExtension {
  speaker: string | null;
  role: string | null;
  saidOn: string | null;
  medium: Medium | null;
  reportedIn: string | null;
  quoteKind: QuoteKind;
}

export function annotationToW3c(a: Annotation, source: ExportSource, links: ExportLink[]): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [];
  if (a.noteText) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.noteText, format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  const out: Record<string, unknown> = {
    id: annotationIri(a.id),
    type: 'Annotation',
    motivation: a.noteText ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.updatedAt,
  };
  if (body.length) out.body = body;
  out.target = {
    source: source.url ?? sourceIri(source.id),
    selector: [
      { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      { type: 'TextPositionSelector', start: a.start, end: a.end },
    ],
  };
  out['collate:color'] = a.color;
  if (a.note) out['collate:note'] = a.note;
  if (a.statement) {
    const s = a.statement;
    const statement: StatementExtension = { speaker: s.speakerName, role: s.role, saidOn: s.saidOn, medium: s.medium, reportedIn: s.reportedIn, quoteKind: s.quoteKind };
    out['collate:statement'] = statement;
  }
  if (links.length) {
    out['collate:links'] = links.map((l) => ({ relation: l.relation, target: annotationIri(l.toId), note: l.note, confidence: l.confidence }));
  }
  out['collate:source'] = { title: source.title, byline: source.byline, outlet: source.outlet, publishedAt: source.publishedAt, url: source.url };
  return out;
}

export function annotationCollection(label: string, items: Array<Record<string, unknown>>, exportedAt: string): Record<string, unknown> {
  const id = `urn:collate:export:${exportedAt.replace(/[^0-9A-Za-z]/g, '')}`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
