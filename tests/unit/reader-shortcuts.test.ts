import { describe, expect, it } from 'vitest';
import { matchesShortcut, SHORTCUTS, type ShortcutId } from '../../renderer/features/reader/shortcuts';

/** A key press as the browser reports it (only what the matcher reads). */
const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  ({ key, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, shiftKey: !!mods.shift, altKey: !!mods.alt }) as KeyboardEvent;

const matching = (e: KeyboardEvent) => SHORTCUTS.map((s) => s.id).filter((id) => matchesShortcut(id as ShortcutId, e));

describe('the keyboard shortcuts table', () => {
  it('gives each handled key exactly one command', () => {
    expect(matching(press('z', { ctrl: true }))).toEqual(['undo']);
    expect(matching(press('Z', { ctrl: true, shift: true }))).toEqual(['redo']);
    expect(matching(press('y', { meta: true }))).toEqual(['redo']);
    expect(matching(press('k', { meta: true }))).toEqual(['search']);
    expect(matching(press('/'))).toEqual(['search.slash']);
    expect(matching(press('L', { shift: true }))).toEqual(['library.filter']);
    expect(matching(press('?', { shift: true }))).toEqual(['help']);
    expect(matching(press('h'))).toEqual(['reader.highlight']);
    expect(matching(press('3'))).toEqual(['reader.colour']);
    expect(matching(press('ArrowDown', { alt: true }))).toEqual(['reader.nextHighlight']);
    expect(matching(press('ArrowUp', { alt: true }))).toEqual(['reader.previousHighlight']);
    expect(matching(press('+', { ctrl: true, shift: true }))).toEqual(['reader.zoomIn']);
    expect(matching(press('=', { ctrl: true }))).toEqual(['reader.zoomIn']);
    expect(matching(press('0', { ctrl: true }))).toEqual(['reader.zoomReset']);
  });

  it('leaves modified letters and plain arrows alone', () => {
    expect(matching(press('h', { ctrl: true }))).toEqual([]);
    expect(matching(press('l', { alt: true }))).toEqual([]);
    expect(matching(press('ArrowDown'))).toEqual([]);
    expect(matching(press('f', { ctrl: true, shift: true }))).toEqual([]);
    expect(matching(press('0'))).toEqual([]);
  });

  it('lists every entry once, with keys and a description', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SHORTCUTS) {
      expect(s.keys.length, s.id).toBeGreaterThan(0);
      expect(s.what.length, s.id).toBeGreaterThan(5);
    }
  });
});
