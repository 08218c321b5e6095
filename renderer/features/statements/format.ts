import type { Annotation } from '../../../shared/model/entities';
import { MEDIA } from '../../../shared/model/statement';

/** "John Kirby, Pentagon spokesperson" */
export function who(a: Annotation): string {
  const s = a.statement;
  if (!s) return '';
  return [s.speakerName ?? 'Unknown speaker', s.role].filter(Boolean).join(', ');
}

/** "2021-02-19 · Tweet or post · to CNN" */
export function how(a: Annotation): string {
  const s = a.statement;
  if (!s) return '';
  return [s.saidOn?.slice(0, 10), s.medium ? MEDIA[s.medium] : null, s.reportedIn ? `reported by ${s.reportedIn}` : null, s.quoteKind === 'paraphrase' ? 'paraphrase' : null]
    .filter(Boolean)
    .join(' · ');
}

export const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "Tweet or post · reported by CNN": how it was said, without the date. */
export function medium(a: Annotation): string {
  const s = a.statement;
  if (!s) return '';
  return [s.medium ? MEDIA[s.medium] : null, s.reportedIn ? `reported by ${s.reportedIn}` : null, s.quoteKind === 'paraphrase' ? 'paraphrase' : null].filter(Boolean).join(' · ');
}
