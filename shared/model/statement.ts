/** Where a statement was made. Stored as these keys; labels are for people. */
export const MEDIA = {
  tweet: 'Tweet or post',
  remarks: 'Remarks to press',
  interview: 'Interview',
  press_release: 'Press release',
  testimony: 'Testimony',
  document: 'Document',
  other: 'Other',
} as const;
export type Medium = keyof typeof MEDIA;
export const MEDIUM_KEYS = Object.keys(MEDIA) as [Medium, ...Medium[]];

export const QUOTE_KINDS = ['direct', 'paraphrase'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/**
 * Typed relations between statements. Directional ones read "A <label> B";
 * symmetric ones read the same from either end.
 */
export const RELATIONS = {
  supports: { label: 'supports', inverse: 'is supported by', directional: true },
  contradicts: { label: 'contradicts', inverse: 'contradicts', directional: false },
  qualifies: { label: 'qualifies', inverse: 'is qualified by', directional: true },
  repeats: { label: 'repeats', inverse: 'is repeated by', directional: true },
  responds_to: { label: 'responds to', inverse: 'is answered by', directional: true },
  context: { label: 'gives context to', inverse: 'has context from', directional: true },
} as const;
export type Relation = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [Relation, ...Relation[]];
