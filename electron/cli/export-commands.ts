import fs from 'node:fs';
import path from 'node:path';
import type { CollateClient } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ExportedFile } from '../../shared/api/methods/briefs';
import type { BriefId, SourceId } from '../../shared/model/ids';

const USAGE = 'collate export brief ID | source ID | annotations [--source ID | --tag T] --format jsonld [-o FILE]';

function idArg(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!value || !Number.isSafeInteger(id) || id <= 0) throw new AppError('invalid_input', `Give the ${what}'s number, as in: ${USAGE}`);
  return id;
}

/** Writes exactly the bytes the app would save; without -o, to standard output. */
function deliver(file: ExportedFile, output: string | undefined, out: (l: string) => void, err: (l: string) => void): number {
  if (!output) {
    out(file.text.replace(/\n$/, ''));
    return 0;
  }
  fs.writeFileSync(output, file.text);
  err(`Wrote ${path.resolve(output)}`);
  return 0;
}

export async function runExport(
  client: CollateClient,
  values: Record<string, unknown>,
  positionals: string[],
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const [what, id] = positionals;
  const output = values.output as string | undefined;
  if (what === 'brief') return deliver(await client.briefs.exportMarkdown({ id: idArg(id, 'brief') as BriefId }), output, out, err);
  if (what === 'source') return deliver(await client.interop.exportSource({ id: idArg(id, 'source') as SourceId }), output, out, err);
  if (what === 'annotations') {
    if (values.format !== 'jsonld') throw new AppError('invalid_input', `Annotations export as --format jsonld (W3C Web Annotation); "${String(values.format)}" is not a format Collate writes.`);
    const sourceId = values.source === undefined ? undefined : (idArg(values.source as string, 'source') as SourceId);
    return deliver(await client.interop.exportAnnotations({ sourceId, tag: values.tag as string | undefined }), output, out, err);
  }
  throw new AppError('invalid_input', `Say what to export: ${USAGE}`);
}

export async function runImportAnnotations(client: CollateClient, positionals: string[], out: (l: string) => void): Promise<number> {
  if (positionals.length !== 1) throw new AppError('invalid_input', 'Name the one annotation file to import: collate import-annotations FILE');
  let json: string;
  try {
    json = fs.readFileSync(positionals[0], 'utf8');
  } catch (e) {
    throw new AppError('unreadable', `Cannot read ${positionals[0]}: ${(e as Error).message}`);
  }
  const r = await client.interop.importAnnotations({ json });
  out(`${r.imported} imported, ${r.duplicates} already in the library, ${r.links} links, ${r.unmatched.length} without a matching source.`);
  for (const u of r.unmatched) out(`unmatched  ${u.id ?? '(no id)'}: “${u.exact.slice(0, 60)}” — ${u.reason}`);
  return r.unmatched.length > 0 ? 2 : 0;
}
