import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { corpusPath } from './corpus';

/**
 * A validator for W3C Web Annotations built from the web-platform-tests
 * annotation-model definitions (../shared/corpus/annotation-model/definitions).
 * Those are draft-04 schemas: ajv 8 reads them once the draft-04 `id` is
 * renamed `$id` and the `$schema` markers are dropped (the keywords used are
 * the same in draft-07); "format": "uri" is checked through ajv-formats.
 */
function draft04ToAjv(schema: Record<string, unknown>): Record<string, unknown> {
  const { id, $schema: _s, ...rest } = schema;
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (typeof x !== 'object' || x === null) return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== '$schema') out[k] = strip(v);
    return out;
  };
  return { $id: id, ...(strip(rest) as Record<string, unknown>) };
}

const ref = (r: string) => ({ $ref: r });
const oneOrMany = (r: string) => ({ oneOf: [ref(r), { type: 'array', minItems: 1, items: ref(r) }] });

/** The MUSTs of the model (sections 3.1–3.3) as the wpt annotationMusts tests compose them from the definitions. */
const annotationSchema = {
  $id: 'collate-annotation-musts.json',
  type: 'object',
  required: ['@context', 'id', 'type', 'target'],
  properties: {
    '@context': { oneOf: [ref('annotations.json#/definitions/contextValueFound'), ref('annotations.json#/definitions/contextValueInArrayFound')] },
    id: ref('id.json#/definitions/stringUri'),
    target: oneOrMany('bodyTarget.json#/definitions/targetResourcesFound'),
    body: oneOrMany('bodyTarget.json#/definitions/bodyResourcesFound'),
  },
  allOf: [
    ref('annotations.json#/definitions/annotationTypeValueFound'),
    ref('annotations.json#/definitions/motivationRecognizedIfPresent'),
    ref('annotations.json#/definitions/bodyValueValidIfPresent'),
    ref('otherProperties.json#/definitions/createdValidIfPresent'),
    ref('otherProperties.json#/definitions/modifiedValidIfPresent'),
    ref('otherProperties.json#/definitions/generatedValidIfPresent'),
    ref('otherProperties.json#/definitions/creatorValidIfPresent'),
    ref('otherProperties.json#/definitions/audienceValidIfPresent'),
    ref('otherProperties.json#/definitions/rightsValidIfPresent'),
    ref('otherProperties.json#/definitions/canonicalValidIfPresent'),
    ref('otherProperties.json#/definitions/viaValidIfPresent'),
  ],
  // An annotation has a body or a bodyValue, never both (section 3.2.5).
  not: { required: ['body', 'bodyValue'] },
};

/** The selectors Collate writes, checked with the definitions' own selector rules. */
const selectorSchema = {
  $id: 'collate-selector.json',
  allOf: [ref('specificResource.json#/definitions/textQuoteSelectorTypeValidIfPresent'), ref('specificResource.json#/definitions/textPositionSelectorTypeValidIfPresent')],
};

const collectionSchema = {
  $id: 'collate-collection.json',
  type: 'object',
  required: ['@context', 'id', 'type'],
  properties: {
    '@context': annotationSchema.properties['@context'],
    id: ref('id.json#/definitions/stringUri'),
    type: { oneOf: [{ const: 'AnnotationCollection' }, { type: 'array', contains: { const: 'AnnotationCollection' } }] },
    total: { type: 'integer', minimum: 0 },
    first: {
      type: 'object',
      required: ['type', 'items'],
      properties: { type: { const: 'AnnotationPage' }, items: { type: 'array', items: { type: 'object' } } },
    },
  },
};

export function w3cValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const dir = corpusPath('annotation-model', 'definitions');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(draft04ToAjv(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>));
  }
  const annotation = ajv.compile(annotationSchema);
  const selector = ajv.compile(selectorSchema);
  const collection = ajv.compile(collectionSchema);
  const errors = (v: { errors?: unknown[] | null }) => (v.errors ?? []).map((e) => JSON.stringify(e)).slice(0, 5);

  /** Problems with one annotation; empty when it is valid. */
  function checkAnnotation(a: unknown): string[] {
    const problems: string[] = [];
    if (!annotation(a)) problems.push(...errors(annotation));
    const targets = [(a as { target?: unknown }).target].flat();
    for (const t of targets) {
      for (const s of [(t as { selector?: unknown } | null)?.selector ?? []].flat()) {
        if (!selector(s)) problems.push(...errors(selector));
      }
    }
    return problems;
  }

  /** Problems with an AnnotationCollection and every annotation in it (each checked as a standalone annotation with the collection's context). */
  function checkCollection(c: unknown): string[] {
    const problems: string[] = [];
    if (!collection(c)) problems.push(...errors(collection));
    const col = c as { '@context': unknown; first?: { items?: unknown[] } };
    for (const item of col.first?.items ?? []) problems.push(...checkAnnotation({ '@context': col['@context'], ...(item as object) }));
    return problems;
  }

  return { checkAnnotation, checkCollection };
}
