import type { HandlersIn } from '../../shared/api/contract';
import { DEFAULT_HIGHLIGHT_COLORS, type HighlightColor } from '../../shared/api/methods/settings';
import type { Db } from '../db/connection';
import type { ServiceContext } from './context';

const HIGHLIGHT_COLORS_KEY = 'highlight.colors';

function readHighlightColors(db: Db): HighlightColor[] {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(HIGHLIGHT_COLORS_KEY) as string | undefined;
  if (!raw) return DEFAULT_HIGHLIGHT_COLORS;
  try {
    const names = new Map((JSON.parse(raw) as HighlightColor[]).map((c) => [c.key, c.name]));
    // Keys come from the code, names from the user: a key added later still shows with its default name.
    return DEFAULT_HIGHLIGHT_COLORS.map((c) => ({ key: c.key, name: names.get(c.key) ?? c.name }));
  } catch {
    return DEFAULT_HIGHLIGHT_COLORS;
  }
}

export function settingsHandlers(ctx: ServiceContext): HandlersIn<'settings'> {
  return {
    'settings.getHighlightColors': () => readHighlightColors(ctx.db),
    'settings.setHighlightColors': ({ colors }) => {
      ctx.db
        .transaction(() => {
          ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(HIGHLIGHT_COLORS_KEY, JSON.stringify(colors));
        })
        .immediate();
      return readHighlightColors(ctx.db);
    },
  };
}
