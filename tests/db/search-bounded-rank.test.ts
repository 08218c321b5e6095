import { describe, expect, it } from 'vitest';
import { RANK_CANDIDATES } from '../../electron/db/repos/search';
import { runSearch } from '../../electron/services/search';
import { addSource } from '../../electron/services/sources';
import { documentFromPlainText } from '../helpers/plain-text';
import { testLibrary } from '../helpers/library';

// A word found in most of a large library is ranked among its newest matches, so
// such a query cannot stall the app; one with fewer matches is ranked exactly.
describe('bounded ranking', () => {
  it('ranks a query with few matches exactly, and says when a very common word was ranked among the newest matches only', () => {
    const { library, dataDir } = testLibrary();
    const ctx = { db: library.db, dataDir, databasePath: library.databasePath, events: library.events, now: () => new Date().toISOString() };
      const add = (title: string, text: string) =>
        addSource(ctx, { document: documentFromPlainText(text), metadata: { title, byline: null, outlet: null, publishedAt: null, url: null, language: 'en' }, format: 'text', origin: 'test' }).id;
      let oldBest = 0;
      let rareOld = 0;
      library.db.transaction(() => {
        // The oldest source is the best match for "briefing" (in its title, twice in a short text)…
        oldBest = add('Briefing on the briefing', 'Briefing briefing.');
        rareOld = add('Zanzibar report', 'A report from Zanzibar with a briefing.');
        for (let i = 0; i < RANK_CANDIDATES + 200; i++) add(`Note ${i}`, `Routine note number ${i} that mentions a briefing among many other unrelated words of filler text.`);
      })();
      const common = runSearch(library.db, 'briefing', { order: 'ranked', limit: 20 });
      const ids = common.groups.find((g) => g.kind === 'source')!.hits.map((h) => h.id);
      expect(ids).toHaveLength(20);
      // …but it is older than the newest RANK_CANDIDATES matches, and the result says how it was ranked.
      expect(ids).not.toContain(oldBest);
      expect(common.notices.join(' ')).toMatch(/picked from the newest \(up to 5,000\)/);
      // Two words that together match two sources: ranked exactly, the title match first, no notice.
      const rare = runSearch(library.db, 'zanzibar briefing', { order: 'ranked', limit: 20 });
      expect(rare.groups.find((g) => g.kind === 'source')!.hits.map((h) => h.id)).toEqual([rareOld]);
      expect(rare.notices).toEqual([]);
      const exact = runSearch(library.db, 'briefing briefing', { order: 'ranked', limit: 1 });
      expect(exact.groups[0].hits).toHaveLength(1);
  }, 120_000);
});
