import { useEffect, useRef, useState } from 'react';
import type { PastePreview } from '../../../shared/api/methods/paste';
import type { ImportOutcome } from '../../../shared/api/methods/sources';
import { isoDate, webUrl } from '../../../shared/api/schemas';
import type { SourceMetadata } from '../../../shared/model/entities';
import type { SourceId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { friendly, Modal } from '../../ui/Modal';
import '../../ui/paste.css';
import { DocumentPreview } from './DocumentPreview';

/** What the clipboard held: the richest flavours the browser gave us. */
export interface ClipboardContent {
  text: string;
  html?: string;
}

interface Props {
  initial?: ClipboardContent;
  onClose: () => void;
  onAdded: (id: SourceId, status: ImportOutcome['status']) => void;
}

type Field = Exclude<keyof SourceMetadata, 'title'>;
const FIELDS: Array<{ key: Field; label: string; placeholder: string }> = [
  { key: 'byline', label: 'Byline', placeholder: 'Author' },
  { key: 'outlet', label: 'Outlet', placeholder: 'Publication or site' },
  { key: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { key: 'url', label: 'URL', placeholder: 'https://…' },
  { key: 'language', label: 'Language', placeholder: 'en' },
];

const FLAVOUR_LABEL: Record<PastePreview['flavour'], string> = {
  html: 'formatted text (HTML)',
  markdown: 'Markdown',
  text: 'plain text',
};

/** Guesses a title from the first line, as a person would, until the extractor answers. */
function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim())?.trim() ?? '').slice(0, 200);
}

const EMPTY: Record<Field, string> = { byline: '', outlet: '', publishedAt: '', url: '', language: '' };

export function PasteDialog({ initial = { text: '' }, onClose, onAdded }: Props) {
  const [text, setText] = useState(initial.text);
  const [html, setHtml] = useState(initial.html);
  const [preferPlain, setPreferPlain] = useState(false);
  const [title, setTitle] = useState(firstLine(initial.text));
  const [fields, setFields] = useState<Record<Field, string>>(EMPTY);
  // Fields the user typed in keep their words; the rest follow the extractor.
  const touched = useRef(new Set<string>());
  const [preview, setPreview] = useState<PastePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!text.trim() && !html?.trim()) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api.paste
        .preview({ text, html, preferPlain })
        .then((p) => {
          if (!live) return;
          setPreview(p);
          setError(null);
          if (!touched.current.has('title')) setTitle(p.metadata.title);
          setFields((f) => {
            const next = { ...f };
            for (const { key } of FIELDS) if (!touched.current.has(key)) next[key] = p.metadata[key] ?? '';
            return next;
          });
        })
        .catch((err: Error) => live && setError(err.message));
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, html, preferPlain]);

  const submit = async () => {
    const value = (k: Field) => fields[k].trim() || null;
    // The same rules the host applies, checked here so the user hears them at once.
    for (const [k, schema] of [['publishedAt', isoDate], ['url', webUrl]] as const) {
      const v = value(k);
      const checked = v === null ? null : schema.safeParse(v);
      if (checked && !checked.success) {
        setError(checked.error.issues[0]?.message ?? `${k} is not valid`);
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const outcome = await api.paste.add({
        text,
        html,
        preferPlain,
        metadata: {
          title: title.trim() || firstLine(text) || 'Untitled',
          byline: value('byline'),
          outlet: value('outlet'),
          publishedAt: value('publishedAt'),
          url: value('url'),
          language: value('language'),
        },
      });
      onAdded(outcome.id, outcome.status);
    } catch (err) {
      setError(friendly(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Paste article" onClose={onClose} onSubmit={() => void submit()} className="paste-dialog">
        <div className="paste-columns">
          <div className="paste-fields">
            <label>
              Title
              <input
                type="text"
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  touched.current.add('title');
                }}
              />
            </label>
            {FIELDS.map(({ key, label, placeholder }) => (
              <label key={key}>
                {label}
                <input
                  type="text"
                  value={fields[key]}
                  placeholder={placeholder}
                  onChange={(e) => {
                    touched.current.add(key);
                    setFields((f) => ({ ...f, [key]: e.target.value }));
                  }}
                />
              </label>
            ))}
            {preview?.handle && <p className="paste-note">A post by {preview.handle}.</p>}
          </div>
          <div className="paste-content">
            <label>
              Article text
              <textarea
                ref={textRef}
                rows={8}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  // Edited text is what the user wants now, not the formatted copy it came with.
                  setHtml(undefined);
                  if (!touched.current.has('title') && !preview) setTitle(firstLine(e.target.value));
                }}
              />
            </label>
            <label className="paste-plain">
              <input type="checkbox" checked={preferPlain} onChange={(e) => setPreferPlain(e.target.checked)} />
              Paste as plain text
            </label>
            {preview && (
              <p className="paste-note" aria-live="polite">
                Read as {FLAVOUR_LABEL[preview.flavour]} · {preview.wordCount.toLocaleString('en')} words
              </p>
            )}
            {preview && <DocumentPreview document={preview.document} />}
          </div>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || (!text.trim() && !html?.trim())} onClick={() => void submit()}>
            Add to library
          </button>
        </div>
    </Modal>
  );
}
