import { readFileSync } from 'node:fs';
import type { CollateClient } from '../../shared/api/contract';
import { corpusPath } from './corpus';

export const SEED_TITLE = 'Pentagon open to sending more troops to Iraq for NATO mission';
export const SEED_URL = 'https://example.org/2021/02/19/pentagon-nato-iraq';
export const KIRBY = 'We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.';
export const MCNULTY = 'The US is participating in the force generation process for NATO Mission Iraq and will contribute its fair share to this important expanded mission';
export const OWN_PARAGRAPH = 'Two Pentagon spokespeople described the same decision within hours: one stressed continuity, the other the absence of plans.';

/** The seed journey's library: the article, Kirby's tweet and McNulty's remark as statements, linked "qualifies". */
export async function seedStatements(client: CollateClient) {
  const text = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
  const { id: sourceId } = await client.sources.importText({ title: SEED_TITLE, text });
  // Pasted text has no metadata; a researcher fills in what the footnote should cite.
  await client.sources.updateMetadata({ id: sourceId, metadata: { title: SEED_TITLE, publishedAt: '2021-02-19', url: SEED_URL } });
  const source = await client.sources.get({ id: sourceId });
  const canonical = source.document.blocks.map((b) => b.text).join('\n\n');
  const at = (quote: string) => {
    const start = canonical.indexOf(quote);
    if (start < 0) throw new Error(`quote not in the seed: ${quote}`);
    return { start, end: start + quote.length };
  };
  const kirby = await client.statements.create({
    sourceId,
    ...at(KIRBY),
    speakerName: 'John Kirby',
    role: 'Pentagon press secretary',
    saidOn: '2021-02-18',
    medium: 'tweet',
  });
  const mcnulty = await client.statements.create({
    sourceId,
    ...at(MCNULTY),
    speakerName: 'Jessica L. McNulty',
    role: 'Pentagon spokesperson',
    saidOn: '2021-02-18',
    medium: 'remarks',
    reportedIn: 'CNN',
  });
  const link = await client.links.create({ fromId: kirby.id, toId: mcnulty.id, relation: 'qualifies', note: 'No plans to add troops, yet a “fair share” of an expanded mission.' });
  return { sourceId, kirby, mcnulty, link };
}

type Json = Record<string, unknown>;
const paragraph = (text: string): Json => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
});
const heading = (text: string): Json => ({ ...paragraph(text), type: 'heading', tag: 'h2' });

/** A brief's Lexical state: a heading, the user's paragraph, then the given nodes. */
export function briefState(nodes: Json[], own = OWN_PARAGRAPH): string {
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [heading('What the Pentagon said'), paragraph(own), ...nodes] },
  });
}
