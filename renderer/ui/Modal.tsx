import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Ctrl/Cmd+Enter submits, as in the paste dialog. */
  onSubmit?: () => void;
  className?: string;
}

/**
 * The app's one modal dialog, named by its heading. Focus starts on its first
 * control and returns where it was; Escape closes it; keys typed inside never
 * reach the app's shortcuts. A click outside closes a dialog that only shows
 * something, never one with fields, so a stray click cannot lose typed input.
 * Rendered into the body: opened from a sidebar item, which is paint-contained
 * (content-visibility), it would otherwise be positioned and clipped inside it.
 */
export function Modal({ title, onClose, children, onSubmit, className = '' }: Props) {
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    return () => before?.focus?.();
  }, []);
  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !box.current?.querySelector('input, select, textarea') && onClose()}>
      <div
        ref={box}
        className={`modal ${className}`.trim()}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit?.();
        }}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}

/** Server messages start with the method name for logs; people only need the reason. */
export const friendly = (err: unknown) => (err as Error).message.replace(/^Invalid input for [\w.]+: /, '');
