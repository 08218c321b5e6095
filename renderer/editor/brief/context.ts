import { createContext, useContext } from 'react';

/** How a quote block opens its source; given by the briefs view so the nodes stay free of app wiring. */
export interface BriefNavigation {
  openSource: (sourceId: number, annotationId: number) => void;
}

export const BriefNavigationContext = createContext<BriefNavigation>({ openSource: () => undefined });
export const useBriefNavigation = () => useContext(BriefNavigationContext);

/** The drag-and-drop type for a quote dragged from a list into a brief; the value is the annotation id. */
export const QUOTE_DRAG_TYPE = 'application/x-collate-annotation';
