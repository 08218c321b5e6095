/**
 * Hostile values for fuzzing the contract: wrong types, huge strings, deep
 * nesting, prototype-pollution keys, path-traversal names, numbers no schema
 * should take. Shared by the in-process and HTTP fuzz tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { contract, type MethodName } from '../../shared/api/contract';
import { testLibrary } from '../helpers/library';

export const TRAVERSAL = [
  '../../../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/shadow',
  'C:\\Windows\\System32\\config\\SAM',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  'library.sqlite3',
  '../library.sqlite3',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  'a\0b',
];

const ODD_STRINGS = [
  '',
  ' ',
  '\0',
  "'); DROP TABLE sources; --",
  '" OR 1=1 --',
  'NEAR(',
  '"*',
  '*',
  '^',
  'AND OR NOT',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u202e\u0000\ud800',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '9'.repeat(400),
  '2026-02-30',
  '-1',
  'NaN',
];

const hugeString = fc.constantFrom(10_000, 200_000, 2_000_000).map((n) => 'x'.repeat(n));
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS, ...TRAVERSAL) },
  { weight: 1, arbitrary: hugeString },
);

export const hostileNumber = fc.constantFrom(NaN, Infinity, -Infinity, -1, -0, 0, 0.5, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE, 999_999_999);

/** Own properties named __proto__ and friends, as JSON.parse makes them. */
export const pollution = fc.constantFrom(
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  () => ({ prototype: { polluted: 'yes' } }),
  () => JSON.parse('[{"__proto__": {"polluted": "yes"}}]') as unknown,
).map((make) => make());

function nest(depth: number, asArray: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}
export const deep = fc.tuple(fc.constantFrom(50, 1000, 5000), fc.boolean()).map(([d, a]) => nest(d, a));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined, [], {}) },
  { weight: 1, arbitrary: pollution },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 0, maxLength: 3 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }) },
);

/** The top-level keys a method's input schema knows, through refinements, defaults and pipes. */
export function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.shape && typeof def.shape === 'object') return Object.keys(def.shape as object);
  for (const inner of ['in', 'innerType', 'schema']) if (def[inner]) return keysOf(def[inner] as z.ZodType);
  return [];
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', '../x', '', 'toString'];

/** Malformed arguments for one method: a non-object, or its own keys with hostile values, maybe with a hostile extra key. */
export function malformedInput(method: MethodName): fc.Arbitrary<unknown> {
  const keys = keysOf(contract[method].input);
  const fields =
    keys.length > 0
      ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
      : fc.constant({} as Record<string, unknown>);
  const withExtra = fc.tuple(fields, fc.option(fc.constantFrom(...EXTRA_KEYS)), hostileValue).map(([obj, extra, v]) => {
    const out: Record<string, unknown> = { ...obj };
    // defineProperty, so "__proto__" becomes an own key (as JSON.parse makes it), not the prototype.
    if (extra !== null) Object.defineProperty(out, extra, { value: v, enumerable: true, configurable: true, writable: true });
    return out;
  });
  return fc.oneof({ weight: 1, arbitrary: hostileValue }, { weight: 5, arbitrary: withExtra });
}

/**
 * Importing files by path is a trusted, local action (the user's own files);
 * the fuzzer must not make it walk the real disk, so existing paths become
 * names that exist nowhere.
 */
export function defuse(method: MethodName, input: unknown): unknown {
  if (method !== 'sources.importFiles' || !input || typeof input !== 'object') return input;
  const paths = (input as { paths?: unknown }).paths;
  if (!Array.isArray(paths)) return input;
  const safe = paths.map((p) => (typeof p === 'string' && p.length < 4096 && !p.includes('\0') && fs.existsSync(path.resolve(p)) ? `/nonexistent-collate-fuzz/${p}` : p));
  return { ...(input as object), paths: safe };
}

/** Object.prototype and friends as they are now, to compare after fuzzing. */
export function prototypeSnapshot(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(',');
  return [names(Object.prototype), names(Array.prototype), names(Function.prototype), names(String.prototype)].join('|');
}

/** A library with something of each kind in it, so handlers that get past validation have rows to trip over. */
export async function seededLibrary() {
  const t = testLibrary();
  const { client } = t;
  const src = await client.sources.importText({ title: 'Harbour vote', text: `The council voted to keep the harbour open.\n\n${'The mayor said the vote was close. '.repeat(30)}` });
  await client.sources.setTags({ id: src.id, tags: ['harbour'] });
  const a = await client.annotations.create({ sourceId: src.id, start: 4, end: 20 });
  const b = await client.annotations.create({ sourceId: src.id, start: 30, end: 50 });
  await client.annotations.update({ id: a.id, note: null, noteText: 'a note' });
  await client.statements.mark({ annotationId: a.id, speakerName: 'The Mayor' });
  await client.statements.mark({ annotationId: b.id, speakerName: 'The Council' });
  await client.links.create({ fromId: a.id, toId: b.id, relation: 'supports' });
  const brief = await client.briefs.create({ title: 'Brief one' });
  await client.briefs.addQuote({ id: brief.id, annotationId: a.id });
  return t;
}

