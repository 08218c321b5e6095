import { DecoratorNode, ElementNode, type NodeKey, type SerializedElementNode, type SerializedLexicalNode, type Spread } from 'lexical';

type SerializedPageBreak = Spread<{ page: number }, SerializedLexicalNode>;

/**
 * "Page 2" between the blocks of a PDF source. It holds no text, so canonical
 * offsets and selections never see it; the label is drawn by CSS and named for
 * screen readers.
 */
export class PageBreakNode extends DecoratorNode<null> {
  __page: number;

  static override getType(): string {
    return 'reader-page-break';
  }

  static override clone(node: PageBreakNode): PageBreakNode {
    return new PageBreakNode(node.__page, node.__key);
  }

  constructor(page: number, key?: NodeKey) {
    super(key);
    this.__page = page;
  }

  static override importJSON(json: SerializedPageBreak): PageBreakNode {
    return new PageBreakNode(json.page);
  }

  override exportJSON(): SerializedPageBreak {
    return { ...super.exportJSON(), type: PageBreakNode.getType(), version: 1, page: this.__page };
  }

  override createDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'rd-page-break';
    el.setAttribute('role', 'separator');
    el.setAttribute('aria-label', `Page ${this.__page}`);
    el.dataset.page = String(this.__page);
    el.contentEditable = 'false';
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }

  override decorate(): null {
    return null;
  }

  override isInline(): boolean {
    return false;
  }

  override getTextContent(): string {
    return '';
  }
}

type BlockVariant = 'pre' | 'caption';
type SerializedReaderBlock = Spread<{ variant: BlockVariant }, SerializedElementNode>;

/** Preformatted text and figure captions: blocks Lexical's rich-text nodes have no element for. */
export class ReaderBlockNode extends ElementNode {
  __variant: BlockVariant;

  static override getType(): string {
    return 'reader-block';
  }

  static override clone(node: ReaderBlockNode): ReaderBlockNode {
    return new ReaderBlockNode(node.__variant, node.__key);
  }

  constructor(variant: BlockVariant = 'pre', key?: NodeKey) {
    super(key);
    this.__variant = variant;
  }

  static override importJSON(json: SerializedReaderBlock): ReaderBlockNode {
    return new ReaderBlockNode(json.variant);
  }

  override exportJSON(): SerializedReaderBlock {
    return { ...super.exportJSON(), type: ReaderBlockNode.getType(), version: 1, variant: this.__variant };
  }

  override createDOM(): HTMLElement {
    const el = document.createElement(this.__variant === 'pre' ? 'pre' : 'p');
    el.className = this.__variant === 'pre' ? 'rd-pre' : 'rd-caption';
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }
}
