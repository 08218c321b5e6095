import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGE = `<html lang="en"><head><title>NATO expands Iraq mission | Defense Post</title>
<meta property="og:site_name" content="Defense Post"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-02-19T10:00:00Z"><link rel="canonical" href="https://example.com/nato-iraq">
</head><body><article><h1>NATO expands Iraq mission</h1>
<p>NATO defence ministers agreed to expand the <em>training</em> mission in Iraq.</p>
<blockquote>We will contribute our fair share.</blockquote>
<script>alert('pasted script ran')</script>
<img src="https://evil.example/x.png" alt="Soldiers in Baghdad" onerror="alert('onerror ran')">
</article></body></html>`;

const POST = `There are no plans to increase U.S. force levels in Iraq. We will continue to consult closely with our allies.
— John Kirby (@PentagonPresSec) February 18, 2021`;

/** Fails the test on any dialog or any request that leaves the host. */
function guard(app: Page, origin: string): { dialogs: string[]; outside: string[] } {
  const seen = { dialogs: [] as string[], outside: [] as string[] };
  app.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  app.on('request', (r) => {
    if (!r.url().startsWith(`${origin}/`)) seen.outside.push(r.url());
  });
  return seen;
}

async function pasteClipboard(app: Page, flavours: Record<string, string>) {
  await app.evaluate((f) => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(f)) data.setData(type, value);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, flavours);
}

const file = (name: string, content: string | Buffer, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

test('a page pasted from a browser: HTML wins, its metadata is found and editable, and nothing in it runs', async ({ app, host }) => {
  const seen = guard(app, host.origin);
  await expect(app.getByRole('region', { name: 'Library' })).toContainText('Your library is empty');
  await pasteClipboard(app, { 'text/html': PAGE, 'text/plain': 'NATO expands Iraq mission\nNATO defence ministers agreed…' });

  const dialog = app.getByRole('dialog', { name: 'Paste article' });
  await expect(dialog.getByRole('textbox', { name: 'Byline' })).toHaveValue('Jane Doe');
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('NATO expands Iraq mission | Defense Post');
  await expect(dialog.getByRole('textbox', { name: 'Outlet' })).toHaveValue('Defense Post');
  await expect(dialog.getByRole('textbox', { name: 'Published' })).toHaveValue(/^2021-02-19/);
  await expect(dialog.getByRole('textbox', { name: 'URL' })).toHaveValue('https://example.com/nato-iraq');
  await expect(dialog.getByRole('textbox', { name: 'Language' })).toHaveValue('en');
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(dialog).toContainText('Read as formatted text (HTML)');
  await expect(preview.getByRole('heading', { name: 'NATO expands Iraq mission' })).toBeVisible();
  await expect(preview).toContainText('We will contribute our fair share.');
  await expect(preview).toContainText('Soldiers in Baghdad');
  await expect(preview.locator('img, script')).toHaveCount(0);

  // The user can switch to plain text, and back.
  await dialog.getByRole('checkbox', { name: 'Paste as plain text' }).check();
  await expect(dialog).toContainText('Read as plain text');
  await expect(preview.getByRole('heading')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Paste as plain text' }).uncheck();
  await expect(preview.getByRole('heading', { name: 'NATO expands Iraq mission' })).toBeVisible();

  // Edited fields are what gets stored.
  await dialog.getByRole('textbox', { name: 'Title' }).fill('NATO expands its Iraq mission');
  await dialog.getByRole('textbox', { name: 'Byline' }).fill('Jane Q. Doe');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();

  const reader = app.getByRole('region', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1, name: 'NATO expands its Iraq mission' })).toBeVisible();
  await expect(reader).toContainText('Jane Q. Doe');
  await expect(reader).toContainText('Defense Post');
  await expect(reader.getByRole('textbox', { name: 'Article' })).toContainText('We will contribute our fair share.');
  await expect(reader.locator('.reader-text img, .reader-text script, .reader-text [onerror]')).toHaveCount(0);
  expect(seen).toEqual({ dialogs: [], outside: [] });
});

test('a post pasted as text keeps its author, handle and date; a bad date is refused with a clear message', async ({ app }) => {
  await app.getByRole('button', { name: 'Paste article' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(POST);
  await expect(dialog.getByRole('textbox', { name: 'Byline' })).toHaveValue('John Kirby (@PentagonPresSec)');
  await expect(dialog.getByRole('textbox', { name: 'Published' })).toHaveValue('2021-02-18');
  await expect(dialog).toContainText('A post by @PentagonPresSec.');

  await dialog.getByRole('textbox', { name: 'Published' }).fill('last Thursday');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog.getByRole('alert')).toContainText('date must look like 2021-02-19');
  await dialog.getByRole('textbox', { name: 'Published' }).fill('2021-02-18');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText('John Kirby (@PentagonPresSec)');
});

test('Import files: each file is imported, a duplicate or a failure with its reason, and the summary says which', async ({ app }) => {
  const files = [
    file('report.txt', 'Allied ministers met in Brussels.\n\nThe training mission will grow to 4,000 personnel.'),
    file('page.html', PAGE, 'text/html'),
    file('notes.md', '# Field notes\n\nThe *mission* expands.\n\n> Quoted words.\n'),
    // windows-1252: é and curly quotes are single bytes that are not valid UTF-8.
    file('legacy.txt', Buffer.from([...Buffer.from('R'), 0xe9, ...Buffer.from('sum'), 0xe9, 0x20, 0x93, ...Buffer.from('fair share'), 0x94])),
    file('empty.txt', ''),
    file('binary.txt', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256))),
    file('data.xyz', 'hello'),
  ];
  await app.getByLabel('Files to import').setInputFiles(files);
  const summary = app.getByRole('dialog', { name: 'Import summary' });
  await expect(summary).toContainText('4 imported, 0 duplicates, 3 failed.', { timeout: 60_000 });
  const failed = summary.getByRole('region', { name: 'Failed' });
  await expect(failed.getByRole('listitem')).toHaveText([
    'empty.txt: empty.txt is empty.',
    'binary.txt: binary.txt looks like a binary file, not text.',
    "data.xyz: Collate can't import .xyz files; it imports .txt, .md, .html, .pdf and .docx.",
  ]);
  // A plain-text file is titled by its first line; its windows-1252 bytes are decoded, not mangled.
  await summary.getByRole('region', { name: 'Imported' }).getByRole('button', { name: 'Résumé “fair share”' }).click();
  await expect(summary).toBeHidden();
  await expect(app.getByRole('region', { name: 'Reader' }).getByRole('textbox', { name: 'Article' })).toHaveText('Résumé “fair share”');

  const library = app.getByRole('region', { name: 'Library' });
  await expect(library.getByRole('button', { name: /Field notes/ })).toBeVisible();
  await expect(library.getByRole('button', { name: /NATO expands Iraq mission/ })).toBeVisible();

  // The same files again: nothing is imported twice, and the summary names the source each duplicates.
  await app.getByLabel('Files to import').setInputFiles(files.slice(0, 3));
  await expect(summary).toContainText('0 imported, 3 duplicates, 0 failed.');
  await expect(summary.getByRole('region', { name: 'Duplicates' })).toContainText('notes.md duplicates Field notes');
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(library.getByRole('button', { name: /Field notes/ })).toHaveCount(1);
});

test('files dropped on the window are imported', async ({ app }) => {
  await expect(app.getByRole('region', { name: 'Library' })).toContainText('Your library is empty');
  await app.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped dispatch\n\nThe convoy reached Erbil at dawn.'], 'dispatch.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const summary = app.getByRole('dialog', { name: 'Import summary' });
  await expect(summary).toContainText('1 imported, 0 duplicates, 0 failed.', { timeout: 60_000 });
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('region', { name: 'Library' }).getByRole('button', { name: /Dropped dispatch/ })).toBeVisible();
});

test('a large import shows its progress and can be cancelled, keeping what was imported', async ({ app }) => {
  test.setTimeout(180_000);
  const many = Array.from({ length: 1500 }, (_, i) => file(`note-${String(i).padStart(4, '0')}.txt`, `Note ${i}\n\nObservation number ${i} from the field, filed separately.`));
  await app.getByLabel('Files to import').setInputFiles(many);
  const progress = app.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('progressbar', { name: 'Files imported' })).toHaveAttribute('max', '1500');
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  const summary = app.getByRole('dialog', { name: 'Import summary' });
  await expect(summary).toContainText('Cancelled.', { timeout: 120_000 });
  const counts = /(\d+) imported, (\d+) duplicates?, (\d+) failed/.exec((await summary.textContent()) ?? '');
  expect(counts).not.toBeNull();
  const imported = Number(counts![1]);
  expect(imported).toBeLessThan(1500);
  expect(Number(counts![3])).toBe(0);
  await summary.getByRole('button', { name: 'Close' }).click();
  // What was imported before the cancel stays, and only that.
  const total = await app.evaluate(async () => {
    const token = sessionStorage.getItem('collate.token');
    const res = await fetch('/api/sources.list', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"limit":1}' });
    return ((await res.json()) as { value: { total: number } }).value.total;
  });
  expect(total).toBe(imported);
});
