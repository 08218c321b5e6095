import { z } from 'zod';
import type { QuoteSuggestion } from '../../statements/detect';
import type { Annotation, IsoDate, StatementLink } from '../../model/entities';
import { AnnotationId, LinkId, SourceId, SpeakerId } from '../../model/ids';
import { MEDIUM_KEYS, QUOTE_KINDS, type Relation, RELATION_KEYS } from '../../model/statement';
import { method } from '../method';
import { isoDate, LIMITS, nonEmpty, optionalText, tagName, text } from '../schemas';

/** A speaker with what the Speakers index shows: aliases and roles over time. */
export interface SpeakerDetail {
  id: number;
  name: string;
  kind: 'person' | 'organisation';
  aliases: string[];
  /** Each role with the first and last dates a statement was made in it, earliest first. */
  roles: Array<{ role: string; from: IsoDate | null; to: IsoDate | null }>;
  statementCount: number;
}

/** A statement with where it was published: a row of the claims table and the timeline. */
export interface StatementRow {
  annotation: Annotation;
  source: { id: SourceId; title: string; outlet: string | null; publishedAt: IsoDate | null };
  /** Links at this statement, read from its end ("qualifies → …", "is qualified by ← …"). */
  links: LinkView[];
  /** True when a contradicts or qualifies link touches it. */
  contested: boolean;
}

/** A link seen from one of its ends. */
export interface LinkView extends StatementLink {
  direction: 'out' | 'in';
  /** "qualifies" from the source end, "is qualified by" from the target end. */
  label: string;
  other: { id: AnnotationId; exact: string; speakerName: string | null; sourceId: SourceId; sourceTitle: string };
}

export interface CompareItem {
  row: StatementRow;
  /** The text of the quote's paragraph around the quote, from the source's stored text. */
  before: string;
  after: string;
}

export interface CompareResult {
  items: CompareItem[];
  /** The links among the compared statements. */
  links: StatementLink[];
}

export interface RelatedStatement {
  row: StatementRow;
  score: number;
  /** Why it was ranked: shared key terms, same speaker, shared tags. */
  reasons: string[];
}

/** A detected quote as stored for a source, with what the user did with it. */
export interface SuggestionView extends QuoteSuggestion {
  id: number;
  sourceId: SourceId;
  status: 'open' | 'accepted' | 'dismissed';
  annotationId: AnnotationId | null;
}

const statementFields = {
  /** An existing speaker, or a name: an existing speaker with that name or alias is reused, else one is created. */
  speakerId: SpeakerId.optional(),
  speakerName: nonEmpty(LIMITS.metadataChars, 'Speaker').optional(),
  role: optionalText(LIMITS.metadataChars, 'Role'),
  saidOn: isoDate.nullable().optional(),
  medium: z.enum(MEDIUM_KEYS, { message: `medium must be one of ${MEDIUM_KEYS.join(', ')}` }).nullable().optional(),
  reportedIn: optionalText(LIMITS.metadataChars, 'Where reported'),
  quoteKind: z.enum(QUOTE_KINDS).default('direct'),
};
const needsSpeaker = (s: { speakerId?: unknown; speakerName?: unknown }) => s.speakerId !== undefined || s.speakerName !== undefined;
const speakerMessage = { message: 'a statement needs a speaker: pick one or type a name' };

export const statementMethods = {
  'statements.create': method<Annotation>()(
    z
      .object({ sourceId: SourceId, start: z.number().int().min(0), end: z.number().int().min(1), ...statementFields })
      .strict()
      .refine((s) => s.end > s.start, { message: 'a statement needs at least one character' })
      .refine(needsSpeaker, speakerMessage),
    'Record a selected passage as a statement: who said it, in what role, when, how and where reported',
  ),
  'statements.mark': method<Annotation>()(
    z.object({ annotationId: AnnotationId, ...statementFields }).strict().refine(needsSpeaker, speakerMessage),
    'Turn an existing highlight into a statement, or change its statement details',
  ),
  'statements.unmark': method<Annotation>()(
    z.object({ annotationId: AnnotationId }).strict(),
    'Make a statement a plain highlight again (its links stay, hidden until it is a statement again)',
  ),
  'statements.list': method<StatementRow[]>()(
    z
      .object({
        sourceId: SourceId.optional(),
        speakerId: SpeakerId.optional(),
        tag: tagName.optional(),
        relation: z.enum(RELATION_KEYS).optional(),
        contested: z.boolean().optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
    'Statements across the library in date order, filtered by source, speaker, tag, relation or date',
  ),
  'statements.compare': method<CompareResult>()(
    z.object({ ids: z.array(AnnotationId).min(2, { message: 'compare needs at least two statements' }).max(12) }).strict(),
    'Statements side by side with their context and the links among them',
  ),
  'statements.related': method<RelatedStatement[]>()(
    z.object({ id: AnnotationId, limit: z.number().int().min(1).max(50).default(8) }).strict(),
    'Statements across the library most likely about the same thing, best first, not yet linked',
  ),
  'statements.suggestions': method<SuggestionView[]>()(
    z.object({ sourceId: SourceId, includeClosed: z.boolean().default(false) }).strict(),
    "Quotes detected in a source's text, offered as statements (detected once, then kept)",
  ),
  'statements.acceptSuggestion': method<Annotation>()(
    z.object({ id: z.number().int().positive() }).strict(),
    'Turn a suggested quote into a statement with its detected speaker, role, date and medium',
  ),
  'statements.dismissSuggestion': method<{ id: number }>()(
    z.object({ id: z.number().int().positive() }).strict(),
    'Hide a suggested quote for good',
  ),
  'speakers.list': method<SpeakerDetail[]>()(
    z.object({ query: text(LIMITS.metadataChars, 'Search').optional() }).strict(),
    'Every speaker (or those whose name or alias contains the query), with aliases and roles',
  ),
  'speakers.get': method<{ speaker: SpeakerDetail; timeline: StatementRow[] }>()(
    z.object({ id: SpeakerId }).strict(),
    "A speaker and all their statements across sources in date order",
  ),
  'speakers.create': method<SpeakerDetail>()(
    z
      .object({
        name: nonEmpty(LIMITS.metadataChars, 'Speaker'),
        kind: z.enum(['person', 'organisation']).default('person'),
        aliases: z.array(nonEmpty(LIMITS.metadataChars, 'Alias')).max(50).default([]),
      })
      .strict(),
    'Add a person or organisation to the speakers index',
  ),
  'speakers.addAlias': method<SpeakerDetail>()(
    z.object({ id: SpeakerId, alias: nonEmpty(LIMITS.metadataChars, 'Alias') }).strict(),
    'Another name or handle for a speaker ("@PentagonPresSec")',
  ),
  'speakers.merge': method<SpeakerDetail>()(
    z.object({ intoId: SpeakerId, fromIds: z.array(SpeakerId).min(1, { message: 'choose at least one speaker to merge' }).max(100) }).strict(),
    'Merge speakers into one: their statements move, their names stay as aliases',
  ),
  'links.create': method<StatementLink>()(
    z
      .object({
        fromId: AnnotationId,
        toId: AnnotationId,
        relation: z.enum(RELATION_KEYS, { message: `relation must be one of ${RELATION_KEYS.join(', ')}` }),
        note: text(LIMITS.noteChars, 'Note').default(''),
        confidence: z.number().min(0, { message: 'confidence is from 0 to 1' }).max(1, { message: 'confidence is from 0 to 1' }).nullable().optional(),
      })
      .strict()
      .refine((l) => l.fromId !== l.toId, { message: 'a statement cannot be linked to itself' }),
    'Link one statement to another: supports, contradicts, qualifies, repeats, responds to, or gives context',
  ),
  'links.list': method<LinkView[]>()(
    z.object({ annotationId: AnnotationId }).strict(),
    "A statement's links, from both ends",
  ),
  'links.delete': method<{ trashId: number }>()(z.object({ id: LinkId }).strict(), 'Move a link to the trash'),
};

export type { Relation };
