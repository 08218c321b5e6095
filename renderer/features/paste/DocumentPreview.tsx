import type { Block, SourceDocument } from '../../../shared/document/model';

/** Enough of a long paste to judge it; the reader shows the rest once added. */
const SHOWN_BLOCKS = 150;

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(3, (block.level ?? 1) + 2));
      const H = `h${level}` as 'h3';
      return <H>{block.text}</H>;
    }
    case 'quote':
      return <blockquote>{block.text}</blockquote>;
    case 'list_item':
      return <p className="preview-li" style={{ marginInlineStart: `${(block.level ?? 1) * 1.2}em` }}>{`${block.ordered ? '#' : '•'} ${block.text}`}</p>;
    case 'preformatted':
      return <pre>{block.text}</pre>;
    case 'caption':
      return <p className="preview-caption">{block.text}</p>;
    default:
      return <p>{block.text}</p>;
  }
}

/** The extracted document as plain React: no HTML from the clipboard is ever put into the page. */
export function DocumentPreview({ document }: { document: SourceDocument }) {
  const blocks = document.blocks.slice(0, SHOWN_BLOCKS);
  return (
    <div className="paste-preview" role="region" aria-label="Preview" tabIndex={0}>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
      {document.blocks.length > SHOWN_BLOCKS && <p className="preview-more">…and {document.blocks.length - SHOWN_BLOCKS} more paragraphs.</p>}
    </div>
  );
}
