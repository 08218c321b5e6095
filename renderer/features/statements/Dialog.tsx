import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Ctrl/Cmd+Enter submits, as in the paste dialog. */
  onSubmit?: () => void;
  wide?: boolean;
}

/**
 * A modal dialog named by its heading; Escape closes it and focus returns where it was.
 * Rendered into the body: opened from a sidebar item, which is paint-contained (content-visibility),
 * it would otherwise be positioned and clipped inside that item.
 */
export function Dialog({ title, onClose, children, onSubmit, wide }: Props) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    return () => before?.focus?.();
  }, []);
  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={`modal stm-dialog${wide ? ' stm-wide' : ''}`}
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
