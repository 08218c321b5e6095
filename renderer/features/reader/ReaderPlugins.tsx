import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { type RefObject, useEffect } from 'react';
import { blockOffsets, type SourceDocument } from '../../../shared/document/model';
import { $buildMore, type BuildState } from '../../editor/document-to-lexical';

/** Hands the reader's editor to the component around the composer. */
export function EditorCapture({ onEditor }: { onEditor: (editor: LexicalEditor) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onEditor(editor), [editor, onEditor]);
  return null;
}

/** Characters added per step inside one slice; a slice keeps adding steps until its time budget is spent. */
export const CHUNK_CHARS = 4_000;
/**
 * Milliseconds of building per slice. Off-screen blocks skip layout (content-visibility in reader.css), so
 * a slice costs about what Lexical spends creating nodes; a budget this size keeps input answered within a
 * frame or two while the whole of a 50,000-word article is live in a few hundred milliseconds.
 */
const SLICE_MS = 24;

/**
 * The next task, without waiting for an idle period: requestIdleCallback fires only after frames with
 * spare time, which stretched a long article over seconds. A message posts a task with no timer clamping.
 */
function nextTask(cb: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => cb();
  channel.port2.postMessage(null);
  return () => channel.port1.close();
}

/**
 * Renders the rest of a long document in idle slices after the first screen,
 * so opening a 50,000-word source shows text at once; `onProgress` reports
 * how far the rendered text reaches, and `done` when all of it is live.
 */
export function ProgressivePlugin({
  build,
  doc,
  partial,
  onProgress,
}: {
  build: RefObject<BuildState | null>;
  /** The document to build; it may grow from the first blocks of a source to all of them (same blocks first). */
  doc: SourceDocument;
  /** More blocks are coming: the end of `doc` is not the end of the article. */
  partial: boolean;
  onProgress: (renderedUpTo: number, done: boolean) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const current = build.current;
    if (current && current.doc !== doc && doc.blocks.length >= current.doc.blocks.length) {
      current.doc = doc;
      current.offsets = blockOffsets(doc);
    }
    let cancelled = false;
    let cancelNext = () => {};
    const step = () => {
      const state = build.current;
      if (cancelled || !state) return;
      if (state.next >= state.doc.blocks.length) {
        onProgress(state.index.end, !partial);
        return;
      }
      let done = false;
      editor.update(
        () => {
          const t0 = performance.now();
          do done = $buildMore(state, CHUNK_CHARS);
          while (!done && performance.now() - t0 < SLICE_MS);
        },
        {
          tag: 'reader-progressive',
          onUpdate: () => {
            if (cancelled) return;
            onProgress(state.index.end, done && !partial);
            if (!done) cancelNext = nextTask(step);
          },
        },
      );
    };
    cancelNext = nextTask(step);
    return () => {
      cancelled = true;
      cancelNext();
    };
  }, [editor, build, doc, partial, onProgress]);
  return null;
}
