import { useEffect } from 'react';
import { matchesShortcut } from '../reader/shortcuts';

/**
 * Undo and redo for annotation edits since the app was opened. Each step is
 * one call to the library (one transaction there); the stack only remembers
 * how to call it back.
 */
export interface Step {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Steps with the same key and `merge` replace each other's "after" (typing a note is one step, not one per pause). */
  mergeKey?: string;
}

const done: Step[] = [];
const undone: Step[] = [];
const LIMIT = 200;
let busy: Promise<unknown> = Promise.resolve();

export function record(step: Step): void {
  const top = done[done.length - 1];
  if (step.mergeKey && top?.mergeKey === step.mergeKey) {
    done[done.length - 1] = { ...step, undo: top.undo };
  } else {
    done.push(step);
    if (done.length > LIMIT) done.shift();
  }
  undone.length = 0;
}

/** Ends merging: the next note edit starts a new step (called when a note editor closes). */
export function sealLast(): void {
  const top = done[done.length - 1];
  if (top) top.mergeKey = undefined;
}

async function move(from: Step[], to: Step[], run: (s: Step) => Promise<void>): Promise<string | null> {
  const step = from.pop();
  if (!step) return null;
  try {
    await run(step);
    to.push({ ...step, mergeKey: undefined });
    return step.label;
  } catch (err) {
    // The item changed underneath (e.g. emptied from the trash): that step can no longer be replayed.
    throw new Error(`Could not undo “${step.label}”: ${(err as Error).message}`);
  }
}

/** Runs one step at a time, so pressing Ctrl+Z quickly never interleaves two calls. */
function serial(fn: () => Promise<string | null>): Promise<string | null> {
  const next = busy.then(fn, fn);
  busy = next.catch(() => undefined);
  return next;
}

export const undo = () => serial(() => move(done, undone, (s) => s.undo()));
export const redo = () => serial(() => move(undone, done, (s) => s.redo()));
export const canUndo = () => done.length > 0;

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) anywhere outside a text field, which has its own undo. */
export function useAnnotationHistoryShortcuts(notify: (message: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const isUndo = matchesShortcut('undo', e);
      const isRedo = matchesShortcut('redo', e);
      if (!isUndo && !isRedo) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      (isUndo ? undo() : redo()).then(
        (label) => notify(label ? `${isUndo ? 'Undid' : 'Redid'}: ${label}` : `Nothing to ${isUndo ? 'undo' : 'redo'}.`),
        (err: Error) => notify(err.message),
      );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notify]);
}
