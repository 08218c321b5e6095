/** A file picked or dropped, with the folder path it was found under (for messages only). */
export interface PickedFile {
  name: string;
  file: File;
}

/** Bytes per import call: large batches go in several calls so no request nears the host's body limit. */
export const CHUNK_BYTES = 48 * 1024 * 1024;

/**
 * Splits files into import calls of at most CHUNK_BYTES (one oversized file
 * goes alone, so the host can refuse it with its own message).
 */
export function chunkFiles<T extends { file: { size: number } }>(files: T[], max = CHUNK_BYTES, maxCount = 500): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length && (size + f.file.size > max || current.length >= maxCount)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.file.size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.readAsDataURL(file);
  });
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    // readEntries answers in batches (100 in Chromium) until it answers none.
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

const entryFile = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/**
 * Files of a drop, folders walked recursively. As in the desktop import,
 * hidden files are skipped, and so is the "X_files" folder a browser saves
 * beside "X.html" (that page's images and scripts, not articles).
 */
export async function filesFromDrop(items: DataTransferItemList, files: FileList): Promise<PickedFile[]> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  // Dropped files themselves are in the FileList at once; entries are only needed to walk folders.
  const direct = new Map([...files].map((f) => [f.name, f]));
  const out: PickedFile[] = [];
  const visit = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    const top = !prefix && direct.get(entry.name);
    if (top && entry.isFile) {
      out.push({ name: entry.name, file: top });
      return;
    }
    if (entry.isFile) {
      out.push({ name: prefix + entry.name, file: await entryFile(entry as FileSystemFileEntry) });
      return;
    }
    const children = await readAllEntries(entry as FileSystemDirectoryEntry);
    const names = new Set(children.map((c) => c.name));
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (child.name.startsWith('.')) continue;
      const m = /^(.*)_files$/.exec(child.name);
      if (child.isDirectory && m && (names.has(`${m[1]}.html`) || names.has(`${m[1]}.htm`))) continue;
      await visit(child, `${prefix}${entry.name}/`);
    }
  };
  if (!entries.length) return [...files].map((file) => ({ name: file.name, file }));
  for (const entry of entries) await visit(entry, '');
  return out;
}

/** Files from an <input type=file>, which with webkitdirectory lists a folder's files with relative paths. */
export function filesFromInput(list: FileList): PickedFile[] {
  const files = [...list].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  const names = new Set(files.map((f) => f.name));
  return files.filter(({ name }) => {
    const parts = name.split('/');
    if (parts.some((p) => p.startsWith('.'))) return false;
    // Skip "X_files/…" beside "X.html", as a drop does.
    return !parts.slice(0, -1).some((p, i) => {
      const m = /^(.*)_files$/.exec(p);
      const dir = parts.slice(0, i).map((d) => `${d}/`).join('');
      return m && (names.has(`${dir}${m[1]}.html`) || names.has(`${dir}${m[1]}.htm`));
    });
  });
}
