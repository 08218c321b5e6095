import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { friendly } from '../reader/Modal';
import { useReaderSelection } from '../reader/Reader';
import { saveFile } from './download';

/** In the reader's toolbar: the open source's metadata and every annotation with its note, as Markdown. */
export function ExportSourceButton() {
  const { source } = useReaderSelection();
  const { notify } = useNavigation();
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          const file = await api.interop.exportSource({ id: source.id });
          saveFile(file);
          notify(`Exported ${file.filename}.`);
        } catch (e) {
          notify(friendly(e));
        }
      }}
    >
      Export source with annotations
    </button>
  );
}
