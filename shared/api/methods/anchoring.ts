import { z } from 'zod';
import type { AnchorStatus, SourceSummary } from '../../model/entities';
import { SourceId } from '../../model/ids';
import { method } from '../method';
import { LIMITS, nonEmpty } from '../schemas';

export interface ReplaceTextResult {
  source: SourceSummary;
  /** How many of the source's annotations (trashed ones included) landed each way. */
  anchors: Record<AnchorStatus, number>;
}

export const anchoringMethods = {
  'anchoring.replaceText': method<ReplaceTextResult>()(
    z.object({ sourceId: SourceId, text: nonEmpty(LIMITS.articleChars, 'Revised text') }).strict(),
    "Replace a source's text with a revised version and re-anchor every annotation on it (orphans are kept)",
  ),
};
