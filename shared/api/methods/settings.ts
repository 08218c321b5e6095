import { z } from 'zod';
import { method } from '../method';

/** The highlight colour keys stored on annotations; the CSS paints each key, people only see its name. */
export const HIGHLIGHT_COLOR_KEYS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColorKey = (typeof HIGHLIGHT_COLOR_KEYS)[number];

export interface HighlightColor {
  key: HighlightColorKey;
  name: string;
}

export const DEFAULT_HIGHLIGHT_COLORS: HighlightColor[] = [
  { key: 'yellow', name: 'Yellow' },
  { key: 'green', name: 'Green' },
  { key: 'blue', name: 'Blue' },
  { key: 'pink', name: 'Pink' },
  { key: 'purple', name: 'Purple' },
];

const colorName = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, { message: 'a colour needs a name, such as claim or evidence' })
  .refine((s) => s.length <= 40, { message: 'a colour name is at most 40 characters' });

export const settingsMethods = {
  'settings.getHighlightColors': method<HighlightColor[]>()(z.object({}).strict(), 'The highlight colours and the names the user gave them'),
  'settings.setHighlightColors': method<HighlightColor[]>()(
    z
      .object({
        colors: z
          .array(z.object({ key: z.enum(HIGHLIGHT_COLOR_KEYS), name: colorName }).strict())
          .length(HIGHLIGHT_COLOR_KEYS.length, { message: `name all ${HIGHLIGHT_COLOR_KEYS.length} colours` }),
      })
      .strict()
      .refine((s) => new Set(s.colors.map((c) => c.key)).size === s.colors.length, { message: 'each colour appears once' })
      .refine((s) => new Set(s.colors.map((c) => c.name.toLowerCase())).size === s.colors.length, {
        message: 'two colours have the same name; give each its own',
      }),
    'Rename the highlight colours (e.g. claim, evidence, disputed)',
  ),
};
