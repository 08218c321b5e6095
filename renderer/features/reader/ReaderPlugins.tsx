import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { type RefObject, useEffect } from 'react';
import { $buildMore, type BuildState } from '../../editor/document-to-lexical';

/** Hands the reader's editor to the component around the composer. */
export function EditorCapture({ onEditor }: { onEditor: (editor: LexicalEditor) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onEditor(editor), [editor, onEditor]);
  return null;
}

/** Characters rendered per idle slice once the first screen is up. */
export const CHUNK_CHARS = 24_000;

type Idle = (cb: () => void) => void;
const whenIdle: Idle =
  typeof window !== 'undefined' && 'requestIdleCallback' in window
    ? (cb) => window.requestIdleCallback(cb, { timeout: 32 })
    : (cb) => window.setTimeout(cb, 0);

/**
 * Renders the rest of a long document in idle slices after the first screen,
 * so opening a 50,000-word source shows text at once; `onProgress` reports
 * how far the rendered text reaches, and `done` when all of it is live.
 */
export function ProgressivePlugin({ build, onProgress }: { build: RefObject<BuildState | null>; onProgress: (renderedUpTo: number, done: boolean) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let cancelled = false;
    const step = () => {
      const state = build.current;
      if (cancelled || !state) return;
      if (state.next >= state.doc.blocks.length) {
        onProgress(state.index.end, true);
        return;
      }
      let done = false;
      editor.update(
        () => {
          done = $buildMore(state, CHUNK_CHARS);
        },
        {
          tag: 'reader-progressive',
          onUpdate: () => {
            if (cancelled) return;
            onProgress(state.index.end, done);
            if (!done) whenIdle(step);
          },
        },
      );
    };
    whenIdle(step);
    return () => {
      cancelled = true;
    };
  }, [editor, build, onProgress]);
  return null;
}
