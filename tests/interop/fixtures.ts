import { createHash } from 'node:crypto';
import JSZip from 'jszip';

/**
 * Test inputs built byte by byte, so every format test runs on a real file
 * without checking binaries into the repo.
 */

export interface PdfLine {
  text: string;
  /** Font size in points (default 12). */
  size?: number;
  /** Distance to the next line's baseline (default 1.3 × size). */
  gap?: number;
}

interface PdfObject {
  body: string;
  /** Stream content (latin-1 bytes as a string), encrypted when the file is. */
  stream?: string;
}

const escapePdfString = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** RC4, for the PDF Standard security handler (revision 2). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const PASSWORD_PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e,
  0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padPassword(pw: string): Uint8Array {
  const out = new Uint8Array(32);
  const p = latin1Bytes(pw).subarray(0, 32);
  out.set(p);
  out.set(PASSWORD_PAD.subarray(0, 32 - p.length), p.length);
  return out;
}

/**
 * A PDF with a text layer (Helvetica, one text object per line), an image-only
 * page when `pages` holds 'image', and, with `password`, encrypted with the
 * Standard security handler (RC4 40-bit, revision 2) under that user password.
 */
export function makePdf(pages: Array<PdfLine[] | 'image'>, opts: { title?: string; author?: string; password?: string } = {}): Uint8Array {
  const objects: PdfObject[] = [];
  // push() returns the new length, which is the object number (they start at 1).
  const add = (o: PdfObject) => objects.push(o);
  const catalog = add({ body: '' });
  const pagesObj = add({ body: '' });
  const font = add({ body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' });
  const image = add({ body: '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', stream: '\x10\x80\x80\xf0' });
  const kids: number[] = [];
  for (const page of pages) {
    let content: string;
    if (page === 'image') content = 'q 400 0 0 500 100 150 cm /Im1 Do Q';
    else {
      let y = 740;
      content = 'BT\n';
      for (const line of page) {
        const size = line.size ?? 12;
        content += `/F1 ${size} Tf\n1 0 0 1 72 ${y} Tm\n(${escapePdfString(line.text)}) Tj\n`;
        y -= line.gap ?? size * 1.3;
      }
      content += 'ET';
    }
    const contentObj = add({ body: '<<', stream: content });
    kids.push(
      add({
        body: `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${contentObj} 0 R >>`,
      }),
    );
  }
  objects[catalog - 1].body = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1].body = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add({
    body: `<< ${opts.title ? `/Title (${escapePdfString(opts.title)}) ` : ''}${opts.author ? `/Author (${escapePdfString(opts.author)}) ` : ''}/Producer (Collate tests) >>`,
  });

  const id = md5(latin1Bytes(`collate-${pages.length}-${opts.title ?? ''}`));
  let fileKey: Uint8Array | null = null;
  let encrypt: number | null = null;
  if (opts.password !== undefined) {
    const permissions = -44;
    const o = rc4(md5(padPassword(`${opts.password}-owner`)).subarray(0, 5), padPassword(opts.password));
    const p = new Uint8Array(4);
    new DataView(p.buffer).setInt32(0, permissions, true);
    fileKey = md5(padPassword(opts.password), o, p, id).subarray(0, 5);
    const u = rc4(fileKey, PASSWORD_PAD);
    encrypt = add({ body: `<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P ${permissions} >>` });
  }

  const chunks: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  let length = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    const num = i + 1;
    offsets.push(length);
    let text: string;
    if (o.stream !== undefined) {
      let data = latin1Bytes(o.stream);
      if (fileKey && num !== encrypt) {
        const objKey = md5(fileKey, Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0])).subarray(0, 10);
        data = rc4(objKey, data);
      }
      const dict = o.body === '<<' ? `<< /Length ${data.length} >>` : `${o.body} /Length ${data.length} >>`;
      text = `${num} 0 obj\n${dict}\nstream\n${String.fromCharCode(...data)}\nendstream\nendobj\n`;
    } else text = `${num} 0 obj\n${o.body}\nendobj\n`;
    chunks.push(text);
    length += text.length;
  });
  const xref = length;
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) tail += `${String(off).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R /ID [<${hex(id)}> <${hex(id)}>]${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  chunks.push(tail);
  return latin1Bytes(chunks.join(''));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParagraph {
  text: string;
  /** Paragraph style id: Heading1, Quote, Title… */
  style?: string;
  /** Runs with formatting instead of plain text. */
  runs?: Array<{ text: string; bold?: boolean; italic?: boolean }>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal valid WordprocessingML package, as Word would need to open it. */
export async function makeDocx(paragraphs: DocxParagraph[], core: { title?: string; creator?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
  <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
  );
  const style = (id: string, name: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/></w:style>`;
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  ${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('Quote', 'Quote')}
</w:styles>`,
  );
  const run = (r: { text: string; bold?: boolean; italic?: boolean }) =>
    `<w:r>${r.bold || r.italic ? `<w:rPr>${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlEscape(r.text)}</w:t></w:r>`;
  const body = paragraphs
    .map((p) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${(p.runs ?? [{ text: p.text }]).map(run).join('')}</w:p>`)
    .join('\n    ');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}">
  <w:body>
    ${body}
    <w:sectPr/>
  </w:body>
</w:document>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  ${core.title ? `<dc:title>${xmlEscape(core.title)}</dc:title>` : ''}
  ${core.creator ? `<dc:creator>${xmlEscape(core.creator)}</dc:creator>` : ''}
  <dcterms:created xsi:type="dcterms:W3CDTF">2021-02-19T10:00:00Z</dcterms:created>
</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Deterministic noise (mulberry32), for "binary file" inputs. */
export function noise(length: number, seed = 1): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}
