import { Fragment, useEffect, useState } from 'react';
import { onEvent } from '../../data/bridge';
import { Modal } from '../../ui/Modal';
import { isTypingOrModal, matchesShortcut, SHORTCUTS, SHOW_SHORTCUTS_EVENT } from './shortcuts';

/** The "Keyboard shortcuts" sheet, opened with ? from anywhere in the app. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut('help', e) && !isTypingOrModal(e)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    const show = () => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(SHOW_SHORTCUTS_EVENT, show);
    const off = onEvent('menu.command', (e) => e.command === 'shortcuts' && setOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(SHOW_SHORTCUTS_EVENT, show);
      off();
    };
  }, []);
  if (!open) return null;
  return (
    <Modal title="Keyboard shortcuts" onClose={() => setOpen(false)} className="shortcuts">
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <Fragment key={s.id}>
            <dt>
              {s.keys.map((k, i) => (
                <Fragment key={i}>
                  {i > 0 && ' '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{s.what}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="modal-actions">
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Modal>
  );
}
