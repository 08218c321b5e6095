import type { Annotation } from '../../../shared/model/entities';

interface Props {
  annotations: Annotation[] | null;
}

export function AnnotationsPanel({ annotations }: Props) {
  return (
    <section className="annotations" aria-label="Annotations">
      <h2>Annotations</h2>
      {annotations && annotations.length === 0 && <p className="muted">Select a passage and press Highlight (or H) to annotate it.</p>}
      {annotations && annotations.length > 0 && (
        <ol className="annotation-list">
          {annotations.map((a) => (
            <li key={a.id} className={`annotation color-${a.color}`}>
              <blockquote>{a.exact}</blockquote>
              {a.noteText && <p>{a.noteText}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
