import { useNavigation } from '../../app/navigation';
import { friendly } from '../../ui/Modal';
import { useReaderSelection } from '../reader/Reader';
import { exportToFile } from './download';

/** In the reader's toolbar: the open source's metadata and every annotation with its note, as Markdown. */
export function ExportSourceButton() {
  const { source } = useReaderSelection();
  const { notify } = useNavigation();
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          const done = await exportToFile({ kind: 'source', id: source.id });
          if (done) notify(done);
        } catch (e) {
          notify(friendly(e));
        }
      }}
    >
      Export source with annotations
    </button>
  );
}
