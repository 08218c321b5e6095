import { createContext, useContext } from 'react';
import type { AnnotationId, BriefId, SourceId } from '../../shared/model/ids';

/** Where the main area is. Features navigate by setting a view, never by reaching into each other. */
export type View =
  | { kind: 'library'; sourceId?: SourceId; focus?: { annotationId?: AnnotationId; start?: number; end?: number } }
  | { kind: 'briefs'; briefId?: BriefId }
  | { kind: 'speakers'; speakerId?: number }
  | { kind: 'claims' }
  | { kind: 'compare'; annotationIds: AnnotationId[] }
  | { kind: 'search'; query?: string }
  | { kind: 'tags' }
  | { kind: 'trash' };

export interface Navigation {
  view: View;
  navigate: (view: View) => void;
  /** A short message in the status bar (announced to screen readers). */
  notify: (message: string) => void;
}

export const NavigationContext = createContext<Navigation>({ view: { kind: 'library' }, navigate: () => undefined, notify: () => undefined });

export const useNavigation = () => useContext(NavigationContext);
