import { z } from 'zod';

/** Limits that keep one call from exhausting memory; messages name the limit. */
export const LIMITS = {
  titleChars: 1_000,
  metadataChars: 2_000,
  articleChars: 20_000_000,
  noteChars: 1_000_000,
  tagChars: 200,
  pageSize: 500,
} as const;

export const text = (max: number, what: string) =>
  z.string().max(max, { message: `${what} is longer than ${max.toLocaleString('en')} characters` });

export const nonEmpty = (max: number, what: string) =>
  text(max, what).refine((s) => s.trim().length > 0, { message: `${what} must not be empty` });

export const optionalText = (max: number, what: string) => text(max, what).nullable().optional();

/** http(s) only: a stored URL is something a person may open in their browser. */
export const webUrl = z
  .string()
  .max(LIMITS.metadataChars)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), { message: 'URL must start with http:// or https://' });

/** A calendar day or a full ISO timestamp. */
export const isoDate = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'date must look like 2021-02-19 or 2021-02-19T10:00:00Z',
  });

export const pageRequest = {
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(50),
  cursor: z.string().max(200).nullable().optional(),
};

export const metadataPatch = z
  .object({
    title: nonEmpty(LIMITS.titleChars, 'Title'),
    byline: optionalText(LIMITS.metadataChars, 'Byline'),
    outlet: optionalText(LIMITS.metadataChars, 'Outlet'),
    publishedAt: isoDate.nullable().optional(),
    url: webUrl.nullable().optional(),
    language: z.string().max(35).nullable().optional(),
  })
  .strict();

export const tagName = z
  .string()
  .max(LIMITS.tagChars, { message: `a tag is at most ${LIMITS.tagChars} characters` })
  .transform((s) => s.trim().replace(/^#/, '').replace(/\s*\/\s*/g, '/').replace(/\s+/g, '-'))
  .refine((s) => s.length > 0 && !s.startsWith('/') && !s.endsWith('/') && !s.includes('//'), {
    message: 'a tag needs a name; use / only between parts, as in iraq/nato-mission',
  });

export const color = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, { message: 'colour must be a colour key such as yellow' });
