import { DecoratorNode, type LexicalNode, type NodeKey } from 'lexical';
import {
  CROSSREF_NODE_TYPE,
  type CrossReferenceData,
  QUOTE_NODE_TYPE,
  type QuoteData,
  type SerializedCrossReference,
  type SerializedQuoteBlock,
} from '../../../shared/markdown/model';

/**
 * Headless twins of the renderer's brief nodes (renderer/editor/brief): same
 * type names and JSON, no React. They let the tests load a brief's Lexical
 * state and export it through @lexical/markdown, the reference that the app's
 * own exporter (electron/interop/exporters/markdown/serialize.ts) must match.
 */
export class QuoteBlockNode extends DecoratorNode<null> {
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
    return { type: QUOTE_NODE_TYPE, version: 1, annotationId: this.__annotationId, snapshot: this.__snapshot };
  }
  override createDOM(): HTMLElement {
    throw new Error('headless only');
  }
  override updateDOM(): false {
    return false;
  }
  override isInline(): false {
    return false;
  }
  override getTextContent(): string {
    return this.__snapshot.exact;
  }
  override decorate(): null {
    return null;
  }
}

export class CrossReferenceNode extends DecoratorNode<null> {
  __linkId: number;
  __snapshot: CrossReferenceData;

  static override getType(): string {
    return CROSSREF_NODE_TYPE;
  }
  static override clone(node: CrossReferenceNode): CrossReferenceNode {
    return new CrossReferenceNode(node.__linkId, node.__snapshot, node.__key);
  }
  static override importJSON(serialized: unknown): CrossReferenceNode {
    const json = serialized as SerializedCrossReference;
    return new CrossReferenceNode(json.linkId, json.snapshot);
  }
  constructor(linkId: number, snapshot: CrossReferenceData, key?: NodeKey) {
    super(key);
    this.__linkId = linkId;
    this.__snapshot = snapshot;
  }
  override exportJSON(): SerializedCrossReference {
    return { type: CROSSREF_NODE_TYPE, version: 1, linkId: this.__linkId, snapshot: this.__snapshot };
  }
  override createDOM(): HTMLElement {
    throw new Error('headless only');
  }
  override updateDOM(): false {
    return false;
  }
  override isInline(): false {
    return false;
  }
  override getTextContent(): string {
    return `${this.__snapshot.from.exact}\n${this.__snapshot.to.exact}`;
  }
  override decorate(): null {
    return null;
  }
}

export const $isQuoteBlockNode = (n: LexicalNode | null | undefined): n is QuoteBlockNode => n instanceof QuoteBlockNode;
export const $isCrossReferenceNode = (n: LexicalNode | null | undefined): n is CrossReferenceNode => n instanceof CrossReferenceNode;
