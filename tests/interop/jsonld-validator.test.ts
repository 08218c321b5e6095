import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus';
import { w3cValidator } from '../helpers/w3c-validator';

const examples = (kind: 'correct' | 'incorrect') => {
  const dir = corpusPath('annotation-model', 'w3c-examples', kind);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));
};

function verdict(text: string, v: ReturnType<typeof w3cValidator>): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  const type = (json as { type?: unknown }).type;
  return type === 'AnnotationCollection' ? v.checkCollection(json) : v.checkAnnotation(json);
}

describe('the W3C Web Annotation validator used on our exports', () => {
  const v = w3cValidator();

  it('accepts every correct example of the W3C working group', () => {
    const list = examples('correct');
    expect(list.length).toBeGreaterThan(40);
    const rejected = list.map((e) => ({ file: e.file, problems: verdict(e.text, v) })).filter((r) => r.problems.length > 0);
    expect(rejected).toEqual([]);
  });

  it('rejects every incorrect example', () => {
    const list = examples('incorrect');
    expect(list.length).toBeGreaterThan(35);
    const accepted = list.filter((e) => verdict(e.text, v).length === 0).map((e) => e.file);
    expect(accepted).toEqual([]);
  });
});
