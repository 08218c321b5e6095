import type { HandlersIn, ParsedInputOf } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { CompareItem, RelatedStatement } from '../../shared/api/methods/statements';
import { describeRange } from '../../shared/anchoring/selectors';
import type { AnnotationId } from '../../shared/model/ids';
import { detectQuotes } from '../../shared/statements/detect';
import { getAnnotation, insertAnnotation } from '../db/repos/annotations';
import { linkedIds, linksAmong } from '../db/repos/links';
import { getCanonicalText, getSourceRecord } from '../db/repos/sources';
import * as speakers from '../db/repos/speakers';
import * as repo from '../db/repos/statements';
import type { ServiceContext } from './context';

/** Statements get their own colour so they stand out from plain highlights in the reader. */
const STATEMENT_COLOR = 'blue';
/** Characters of paragraph shown either side of a quote in the compare view. */
const CONTEXT_CHARS = 280;

type Fields = Omit<ParsedInputOf<'statements.mark'>, 'annotationId'>;

function requireLiveSource(ctx: ServiceContext, sourceId: number): void {
  if (!getSourceRecord(ctx.db, sourceId)) throw new AppError('not_found', `Source ${sourceId} is not in the library.`);
}

function liveText(ctx: ServiceContext, sourceId: number): string {
  requireLiveSource(ctx, sourceId);
  const text = getCanonicalText(ctx.db, sourceId);
  if (text === null) throw new AppError('not_found', `Source ${sourceId} is not in the library.`);
  return text;
}

/**
 * Finds the quotes in a new source's text and stores them as suggestions, so
 * the Suggestions panel and `collate statements` have them before the source
 * is ever opened. Meant for the transaction that writes the source (addSource
 * in sources.ts calls it right after inserting), so a source never exists
 * without its suggestions; called on its own it takes its own transaction.
 * Runs once per source: a second call stores nothing.
 */
export function detectSuggestionsFor(ctx: Pick<ServiceContext, 'db' | 'now'>, sourceId: number, text: string): void {
  if (repo.detectionDone(ctx.db, sourceId)) return;
  const found = detectQuotes(text);
  // Nested in the caller's transaction this is a savepoint.
  ctx.db.transaction(() => repo.storeSuggestions(ctx.db, sourceId, found, ctx.now())).immediate();
}

/** Inside a transaction: picks or creates the speaker, keeps their roles over time, writes the statement columns. */
function applyStatement(ctx: ServiceContext, annotationId: number, f: Fields): void {
  let speakerId: number;
  if (f.speakerId !== undefined) {
    if (!speakers.speakerExists(ctx.db, f.speakerId)) throw new AppError('not_found', `Speaker ${f.speakerId} does not exist (it may have been merged).`);
    speakerId = f.speakerId;
  } else {
    speakerId = speakers.findSpeaker(ctx.db, f.speakerName!) ?? speakers.insertSpeaker(ctx.db, f.speakerName!, 'person', ctx.now());
  }
  const role = f.role?.trim() || null;
  const saidOn = f.saidOn ?? null;
  if (role) speakers.recordRole(ctx.db, speakerId, role, saidOn);
  repo.setStatement(ctx.db, annotationId, { speakerId, role, saidOn, medium: f.medium ?? null, reportedIn: f.reportedIn?.trim() || null, quoteKind: f.quoteKind }, ctx.now());
}

/** The live annotation at this range, or a new one: a statement over an existing highlight keeps its note and tags. */
function annotationAt(ctx: ServiceContext, sourceId: number, start: number, end: number): number {
  const text = liveText(ctx, sourceId);
  if (end > text.length) throw new AppError('invalid_input', `That passage ends at ${end}, past the end of the text (${text.length}).`);
  const existing = repo.findAnnotationAt(ctx.db, sourceId, start, end);
  if (existing) return existing;
  const { quote } = describeRange(text, start, end);
  if (!quote.exact.trim()) throw new AppError('invalid_input', 'Select the words that were said, not just spaces.');
  return insertAnnotation(ctx.db, { sourceId, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, color: STATEMENT_COLOR }, ctx.now());
}

/** The quote's paragraph around it, cut at word boundaries when long. */
function contextAround(text: string, start: number, end: number): { before: string; after: string } {
  const paraStart = text.lastIndexOf('\n\n', start);
  const paraEnd = text.indexOf('\n\n', end);
  let before = text.slice(Math.max(paraStart < 0 ? 0 : paraStart + 2, start - CONTEXT_CHARS), start);
  let after = text.slice(end, Math.min(paraEnd < 0 ? text.length : paraEnd, end + CONTEXT_CHARS));
  if (start - CONTEXT_CHARS > paraStart + 2 && before.includes(' ')) before = `…${before.slice(before.indexOf(' ') + 1)}`;
  if (paraEnd - end > CONTEXT_CHARS && after.includes(' ')) after = `${after.slice(0, after.lastIndexOf(' '))}…`;
  return { before, after };
}

export function statementHandlers(ctx: ServiceContext): HandlersIn<'statements'> {
  const changed = () => ctx.events.emit('library.changed', { kinds: ['annotations', 'statements'] });
  const requireAnnotation = (id: number) => {
    const a = getAnnotation(ctx.db, id);
    if (!a) throw new AppError('not_found', `Annotation ${id} does not exist (it may be in the trash).`);
    return a;
  };
  const requireStatement = (id: number) => {
    const a = requireAnnotation(id);
    if (!a.statement) throw new AppError('invalid_input', 'That passage is a highlight, not a statement: mark it as a statement first.');
    return a;
  };

  return {
    'statements.create': ({ sourceId, start, end, ...fields }) => {
      const id = ctx.db
        .transaction(() => {
          const annotationId = annotationAt(ctx, sourceId, start, end);
          applyStatement(ctx, annotationId, fields);
          return annotationId;
        })
        .immediate();
      changed();
      return requireAnnotation(id);
    },
    'statements.mark': ({ annotationId, ...fields }) => {
      requireAnnotation(annotationId);
      ctx.db.transaction(() => applyStatement(ctx, annotationId, fields)).immediate();
      changed();
      return requireAnnotation(annotationId);
    },
    'statements.unmark': ({ annotationId }) => {
      requireStatement(annotationId);
      ctx.db.transaction(() => repo.clearStatement(ctx.db, annotationId, ctx.now())).immediate();
      ctx.events.emit('library.changed', { kinds: ['annotations', 'statements', 'links'] });
      return requireAnnotation(annotationId);
    },
    'statements.list': (filter) => repo.listStatements(ctx.db, filter),
    'statements.compare': ({ ids }) => {
      const unique = [...new Set(ids)];
      if (unique.length < 2) throw new AppError('invalid_input', 'Compare needs at least two different statements.');
      const rows = repo.listStatements(ctx.db, { ids: unique });
      const byId = new Map(rows.map((r) => [r.annotation.id as number, r]));
      const items: CompareItem[] = unique.map((id) => {
        const row = byId.get(id);
        if (!row) throw new AppError('not_found', `Statement ${id} does not exist (it may be in the trash, or be a plain highlight).`);
        const text = getCanonicalText(ctx.db, row.source.id) ?? '';
        return { row, ...contextAround(text, row.annotation.start, row.annotation.end) };
      });
      return { items, links: linksAmong(ctx.db, unique) };
    },
    'statements.related': ({ id, limit }) => {
      const me = requireStatement(id);
      const skip = linkedIds(ctx.db, id);
      const scores = new Map<number, { score: number; reasons: string[] }>();
      const add = (other: number, score: number, reason: string) => {
        if (skip.has(other)) return;
        const entry = scores.get(other) ?? { score: 0, reasons: [] };
        entry.score += score;
        entry.reasons.push(reason);
        scores.set(other, entry);
      };
      const terms = repo.keyTerms(me.exact);
      for (const m of repo.matchStatements(ctx.db, terms, id, limit * 4)) add(m.id, m.score, 'shares key terms');
      // Weights: a same-speaker statement counts like a fair text match; each shared tag a little less.
      if (me.statement?.speakerId) for (const other of repo.sameSpeakerStatements(ctx.db, me.statement.speakerId, id, limit * 2)) add(other, 2, 'same speaker');
      for (const t of repo.sharedTagStatements(ctx.db, id, limit * 2)) add(t.id, 1.5 * t.shared, t.shared === 1 ? 'shares a tag' : `shares ${t.shared} tags`);
      const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
      const rows = new Map(repo.listStatements(ctx.db, { ids: ranked.map(([other]) => other) }).map((r) => [r.annotation.id as number, r]));
      return ranked.flatMap(([other, s]): RelatedStatement[] => {
        const row = rows.get(other);
        return row ? [{ row, score: Math.round(s.score * 1000) / 1000, reasons: s.reasons }] : [];
      });
    },
    'statements.suggestions': ({ sourceId, includeClosed }) => {
      // Sources added before detection ran at import get theirs on first use.
      if (!repo.detectionDone(ctx.db, sourceId)) detectSuggestionsFor(ctx, sourceId, liveText(ctx, sourceId));
      else requireLiveSource(ctx, sourceId);
      return repo.listSuggestions(ctx.db, sourceId, includeClosed);
    },
    'statements.acceptSuggestion': ({ id }) => {
      const annotationId = ctx.db
        .transaction((): AnnotationId => {
          const s = repo.getSuggestion(ctx.db, id);
          if (!s) throw new AppError('not_found', `Suggestion ${id} does not exist.`);
          if (s.status !== 'open') throw new AppError('conflict', `That suggestion was already ${s.status}.`);
          const annotation = annotationAt(ctx, s.sourceId, s.start, s.end);
          const speakerId = speakers.resolveSpeaker(ctx.db, s.speaker, s.handle, ctx.now());
          applyStatement(ctx, annotation, { speakerId: speakerId, role: s.role, saidOn: s.saidOn, medium: s.medium, reportedIn: s.reportedIn, quoteKind: s.quoteKind });
          repo.closeSuggestion(ctx.db, id, 'accepted', annotation, ctx.now());
          return annotation as AnnotationId;
        })
        .immediate();
      changed();
      return requireAnnotation(annotationId);
    },
    'statements.dismissSuggestion': ({ id }) => {
      ctx.db
        .transaction(() => {
          const s = repo.getSuggestion(ctx.db, id);
          if (!s) throw new AppError('not_found', `Suggestion ${id} does not exist.`);
          if (s.status !== 'open') throw new AppError('conflict', `That suggestion was already ${s.status}.`);
          repo.closeSuggestion(ctx.db, id, 'dismissed', null, ctx.now());
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['statements'] });
      return { id };
    },
  };
}
