import { z } from 'zod';

/** Branded ids: a SourceId cannot be passed where an AnnotationId is wanted. */
const id = <B extends string>(_brand: B) => z.number().int().positive().max(Number.MAX_SAFE_INTEGER).brand<B>();

export const SourceId = id('SourceId');
export const AnnotationId = id('AnnotationId');
export const TagId = id('TagId');
export const SpeakerId = id('SpeakerId');
export const LinkId = id('LinkId');
export const BriefId = id('BriefId');
export const TrashId = id('TrashId');

export type SourceId = z.output<typeof SourceId>;
export type AnnotationId = z.output<typeof AnnotationId>;
export type TagId = z.output<typeof TagId>;
export type SpeakerId = z.output<typeof SpeakerId>;
export type LinkId = z.output<typeof LinkId>;
export type BriefId = z.output<typeof BriefId>;
export type TrashId = z.output<typeof TrashId>;
