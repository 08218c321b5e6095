import { createContext, type ReactNode, useContext } from 'react';
import type { StatementRow } from '../../../shared/api/methods/statements';
import type { SourceId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { SuggestionsPanel } from './SuggestionsPanel';
import '../../ui/statements.css';

const SourceStatementsContext = createContext<Map<number, StatementRow>>(new Map());

/** The open source's statements with their links, for the per-annotation actions. */
export const useSourceStatement = (annotationId: number) => useContext(SourceStatementsContext).get(annotationId) ?? null;

/** The reader's side column: the annotations (passed in) with the suggested quotes below them. */
export function StatementsSidebar({ sourceId, children }: { sourceId: SourceId | null; children: ReactNode }) {
  const rows = useLibraryQuery(
    () => (sourceId ? api.statements.list({ sourceId }) : Promise.resolve([])),
    [sourceId],
    ['annotations', 'statements', 'links', 'trash'],
  );
  const byId = new Map((rows.data ?? []).map((r) => [r.annotation.id as number, r]));
  return (
    <div className="stm-side">
      <SourceStatementsContext.Provider value={byId}>{children}</SourceStatementsContext.Provider>
      {sourceId && <SuggestionsPanel sourceId={sourceId} />}
    </div>
  );
}
