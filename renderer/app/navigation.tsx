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
  navigate: (view: View) => void;
  /** A short message in the status bar (announced to screen readers). */
  notify: (message: string) => void;
}

/**
 * Two contexts: the stable actions, which hundreds of components use (every annotation in a 2,000-item
 * sidebar), and the current view, which only a few read. One context re-rendered all of them on each move.
 */
export const NavigationContext = createContext<Navigation>({ navigate: () => undefined, notify: () => undefined });
export const ViewContext = createContext<View>({ kind: 'library' });

export const useNavigation = () => useContext(NavigationContext);
export const useView = () => useContext(ViewContext);
