import { AppError } from '../../../shared/api/errors';
import { MEDIUM_KEYS, type Medium, QUOTE_KINDS, type QuoteKind, RELATION_KEYS, type Relation } from '../../../shared/model/statement';
import type { ImportedStatement } from '../../db/repos/interop';

/**
 * Reads W3C Web Annotations (an AnnotationCollection, an AnnotationPage, one
 * Annotation or an array of them, as Collate and other W3C tools export) and
 * Hypothesis's JSON export (rows with target[].selector[], text, tags, uri),
 * which uses the same selectors. Collate's own collate: extension (see
 * exporters/jsonld.ts) is read back when present.
 */
export interface IncomingAnnotation {
  /** The annotation's id in the file, so links between annotations of the file can be rebuilt. */
  id: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  noteText: string;
  note: string | null;
  tags: string[];
  color: string | null;
  created: string | null;
  modified: string | null;
  statement: ImportedStatement | null;
  links: Array<{ relation: Relation; target: string; note: string; confidence: number | null }>;
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);
const types = (x: Json): string[] => list(x.type ?? x['@type']).filter((t): t is string => typeof t === 'string');

export function parseAnnotationFile(text: string): IncomingAnnotation[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AppError('unreadable', `That file is not JSON (${(e as Error).message}).`);
  }
  const items = annotationItems(data);
  if (items === null) {
    throw new AppError('unsupported_format', 'That file is neither W3C Web Annotations (JSON-LD) nor a Hypothesis JSON export.');
  }
  return items.map(toIncoming).filter((a): a is IncomingAnnotation => a !== null);
}

function annotationItems(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!isObj(data)) return null;
  // Hypothesis API search results.
  if (Array.isArray(data.rows)) return data.rows;
  // Hypothesis's own export: {annotations: [...]} in some versions.
  if (Array.isArray(data.annotations)) return data.annotations;
  const t = types(data);
  if (t.includes('AnnotationCollection')) {
    const pages: unknown[] = [];
    for (let page = data.first; isObj(page); page = page.next) {
      pages.push(...list(page.items));
      if (!isObj(page.next)) break;
    }
    if (Array.isArray(data.items)) pages.push(...data.items);
    return pages;
  }
  if (t.includes('AnnotationPage')) return list(data.items);
  if (t.includes('Annotation') || (data.target && (data.uri || data.text !== undefined))) return [data];
  return null;
}

function toIncoming(raw: unknown): IncomingAnnotation | null {
  if (!isObj(raw)) return null;
  const target = list(raw.target).find((t) => isObj(t) && list(t.selector).length > 0) as Json | undefined;
  if (!target) return null;
  const selectors = list(target.selector).filter(isObj);
  const quote = selectors.find((s) => types(s).includes('TextQuoteSelector'));
  const position = selectors.find((s) => types(s).includes('TextPositionSelector'));
  const exact = str(quote?.exact);
  if (!exact) return null;

  const bodies = list(raw.body).filter(isObj);
  const tagBodies = bodies.filter((b) => b.purpose === 'tagging').map((b) => str(b.value)).filter((v): v is string => !!v);
  const noteBodies = bodies.filter((b) => b.purpose !== 'tagging' && types(b).includes('TextualBody')).map((b) => str(b.value) ?? '');
  const hypothesisTags = list(raw.tags).filter((t): t is string => typeof t === 'string');
  const noteText = [...noteBodies, ...(typeof raw.text === 'string' && raw.text ? [raw.text] : []), ...(typeof raw.bodyValue === 'string' ? [raw.bodyValue] : [])].join('\n\n');

  const document = isObj(raw.document) ? raw.document : null;
  const ext = isObj(raw['collate:source']) ? (raw['collate:source'] as Json) : null;
  const sourceUrl = str(target.source) ?? str(raw.uri) ?? str(ext?.url);
  const start = typeof position?.start === 'number' ? position.start : null;
  const end = typeof position?.end === 'number' ? position.end : null;
  return {
    id: str(raw.id) ?? str(raw['@id']),
    sourceUrl: sourceUrl && !sourceUrl.startsWith('urn:collate:') ? sourceUrl : str(ext?.url),
    sourceTitle: str(ext?.title) ?? str(list(document?.title)[0]),
    exact,
    prefix: str(quote?.prefix) ?? '',
    suffix: str(quote?.suffix) ?? '',
    start,
    end,
    noteText,
    note: str(raw['collate:note']),
    tags: [...new Set([...tagBodies, ...hypothesisTags])],
    color: str(raw['collate:color']),
    created: str(raw.created),
    modified: str(raw.modified) ?? str(raw.updated),
    statement: statementOf(raw['collate:statement']),
    links: list(raw['collate:links']).filter(isObj).flatMap((l) => {
      const relation = l.relation as Relation;
      const targetId = str(l.target);
      if (!RELATION_KEYS.includes(relation) || !targetId) return [];
      return [{ relation, target: targetId, note: str(l.note) ?? '', confidence: typeof l.confidence === 'number' ? l.confidence : null }];
    }),
  };
}

function statementOf(x: unknown): ImportedStatement | null {
  if (!isObj(x) || !str(x.speaker)) return null;
  const medium = MEDIUM_KEYS.includes(x.medium as Medium) ? (x.medium as Medium) : null;
  const quoteKind = QUOTE_KINDS.includes(x.quoteKind as QuoteKind) ? (x.quoteKind as QuoteKind) : 'direct';
  return { speaker: str(x.speaker)!, role: str(x.role), saidOn: str(x.saidOn), medium, reportedIn: str(x.reportedIn), quoteKind };
}
