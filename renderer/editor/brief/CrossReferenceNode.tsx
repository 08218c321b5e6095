import type { JSX } from 'react';
import { DecoratorNode, type EditorConfig, type LexicalNode, type NodeKey } from 'lexical';
import { CROSSREF_NODE_TYPE, type CrossReferenceData, type SerializedCrossReference } from '../../../shared/markdown/model';
import { CrossReferenceView } from './CrossReferenceView';

/** Two statements and the relation between them, linked to the link by id; the headless twin lives in the main process. */
export class CrossReferenceNode extends DecoratorNode<JSX.Element> {
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
    return { type: CROSSREF_NODE_TYPE, version: 1, linkId: this.__linkId, snapshot: this.getLatest().__snapshot };
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
    return `${s.from.exact}\n${s.to.exact}\n${s.note}\n\n`;
  }
  setSnapshot(snapshot: CrossReferenceData): void {
    this.getWritable().__snapshot = snapshot;
  }
  override decorate(): JSX.Element {
    return <CrossReferenceView nodeKey={this.__key} linkId={this.__linkId} snapshot={this.__snapshot} />;
  }
}

export const $createCrossReferenceNode = (x: CrossReferenceData) => new CrossReferenceNode(x.linkId, x);
export const $isCrossReferenceNode = (n: LexicalNode | null | undefined): n is CrossReferenceNode => n instanceof CrossReferenceNode;
