import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { ERROR_CODES, type Envelope } from '../../shared/api/errors';
import { contentHash } from '../crash/snapshot';
import { defuse, malformedInput, prototypeSnapshot, seededLibrary } from './fuzz-hostile';

const RUNS_PER_METHOD = 60;

export interface FuzzTally {
  calls: number;
  refused: number;
  accepted: number;
  internal: Array<{ method: string; message: string }>;
}

describe('the contract under fuzzing', () => {
  it(`answers ${methodNames.length} methods × ${RUNS_PER_METHOD} malformed calls with typed envelopes only; refusals change nothing`, async () => {
    const { library } = await seededLibrary();
    const protoBefore = prototypeSnapshot();
    const tally: FuzzTally = { calls: 0, refused: 0, accepted: 0, internal: [] };
    let hash = contentHash(library.db);

    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty(malformedInput(method), async (raw) => {
          const input = defuse(method, raw);
          const envelope = (await library.call(method, input)) as Envelope<unknown>;
          tally.calls++;
          // A typed envelope, always.
          expect(typeof envelope.ok).toBe('boolean');
          if (envelope.ok) {
            tally.accepted++;
            hash = contentHash(library.db);
            return;
          }
          tally.refused++;
          expect(ERROR_CODES).toContain(envelope.error.code);
          expect(typeof envelope.error.message).toBe('string');
          expect(envelope.error.message.length).toBeLessThan(2000);
          // No stack traces or SQL leak out.
          expect(envelope.error.message).not.toMatch(/\n\s+at |SQLITE_|sqlite_schema|node_modules/);
          if (envelope.error.code === 'internal') tally.internal.push({ method, message: envelope.error.message });
          // A refused call leaves the library exactly as it was.
          expect(contentHash(library.db)).toBe(hash);
        }),
        { numRuns: RUNS_PER_METHOD, seed: 8 },
      );
    }
    console.log(`contract fuzz: ${tally.calls} malformed calls over ${methodNames.length} methods; ${tally.refused} refused, ${tally.accepted} accepted (valid by chance), ${tally.internal.length} internal errors`);
    expect(tally.internal).toEqual([]);
    expect(prototypeSnapshot()).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await library.call('library.check', {})).toEqual({ ok: true, value: { ok: true, problems: [] } });
  });
});
