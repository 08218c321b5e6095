import type { JSX } from 'react';
import { DecoratorNode, type EditorConfig, type LexicalNode, type NodeKey } from 'lexical';
import { QUOTE_NODE_TYPE, type QuoteData, type SerializedQuoteBlock } from '../../../shared/markdown/model';
import { QuoteBlockView } from './QuoteBlockView';

/**
 * A quote from the library in a brief: linked to its annotation by id, with
 * the last data seen kept as a snapshot (shown with "Detached" once the
 * annotation is deleted). The main process has a headless twin with the same
 * type and JSON (tests/helpers/lexical-brief/nodes.ts, the reference the exporter is tested against).
 */
export class QuoteBlockNode extends DecoratorNode<JSX.Element> {
  __annotationId: number;
  __snapshot: QuoteData;

  static override getType(): string {
    return QUOTE_NODE_TYPE;
  }
  static override clone(node: QuoteBlockNode): QuoteBlockNode {
    return new QuoteBlockNode(node.__annotationId, node.__snapshot, node.__key);
  }
  static override importJSON(serialized: unknown): QuoteBlockNode {
    const json = serialized as SerializedQuoteBlock;
    return new QuoteBlockNode(json.annotationId, json.snapshot);
  }
  constructor(annotationId: number, snapshot: QuoteData, key?: NodeKey) {
    super(key);
    this.__annotationId = annotationId;
    this.__snapshot = snapshot;
  }
  override exportJSON(): SerializedQuoteBlock {
    return { type: QUOTE_NODE_TYPE, version: 1, annotationId: this.__annotationId, snapshot: this.getLatest().__snapshot };
  }
  override createDOM(_config: EditorConfig): HTMLElement {
    const div = document.createElement('div');
    div.className = 'brief-block';
    return div;
  }
  override updateDOM(): false {
    return false;
  }
  override isInline(): false {
    return false;
  }
  override getTextContent(): string {
    const s = this.getLatest().__snapshot;
    return `${s.exact}${s.speaker ? ` — ${s.speaker}` : ''}\n\n`;
  }
  setSnapshot(snapshot: QuoteData): void {
    this.getWritable().__snapshot = snapshot;
  }
  override decorate(): JSX.Element {
    return <QuoteBlockView nodeKey={this.__key} annotationId={this.__annotationId} snapshot={this.__snapshot} />;
  }
}

export const $createQuoteBlockNode = (q: QuoteData) => new QuoteBlockNode(q.annotationId, q);
export const $isQuoteBlockNode = (n: LexicalNode | null | undefined): n is QuoteBlockNode => n instanceof QuoteBlockNode;
