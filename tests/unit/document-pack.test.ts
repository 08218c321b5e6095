import { describe, expect, it } from 'vitest';
import { canonicalText, type SourceDocument } from '../../shared/document/model';
import { packDocument, unpackDocument } from '../../shared/document/pack';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../helpers/corpus';

describe('stored document form', () => {
  const doc: SourceDocument = {
    version: 1,
    blocks: [
      { kind: 'heading', level: 1, text: 'NATO to expand Iraq mission' },
      { kind: 'paragraph', text: 'Plain paragraph.' },
      { kind: 'paragraph', text: 'With a link.', marks: [{ kind: 'link', start: 7, end: 11, href: 'https://example.org/' }] },
      { kind: 'paragraph', text: 'On page two.', page: 2 },
      { kind: 'list_item', level: 1, ordered: true, text: 'First' },
      { kind: 'paragraph', text: '' },
    ],
  };

  it('gives back exactly the document it packed, without its text', () => {
    const packed = packDocument(doc);
    expect(JSON.stringify(packed)).not.toContain('Plain paragraph');
    expect(unpackDocument(JSON.parse(JSON.stringify(packed)), canonicalText(doc))).toEqual(doc);
  });

  it('stores a plain paragraph as its length alone', () => {
    const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
    const plain: SourceDocument = { version: 1, blocks: seed.split(/\n\n+/).map((text) => ({ kind: 'paragraph' as const, text })) };
    const packed = JSON.stringify(packDocument(plain));
    expect(packed.length).toBeLessThan(plain.blocks.length * 6 + 30);
    expect(unpackDocument(JSON.parse(packed), canonicalText(plain))).toEqual(plain);
  });

  it('still reads documents stored in the first format', () => {
    const v1 = { version: 1 as const, blocks: [{ kind: 'paragraph' as const, n: 5 }, { kind: 'quote' as const, n: 3 }] };
    expect(unpackDocument(v1, 'Hello\n\nYes')).toEqual({ version: 1, blocks: [{ kind: 'paragraph', text: 'Hello' }, { kind: 'quote', text: 'Yes' }] });
  });
});
