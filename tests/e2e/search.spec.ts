import type { APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { corpusPath } from '../helpers/corpus';
import { expect, type Host, test } from './fixtures';

async function call(request: APIRequestContext, host: Host, method: string, input: unknown): Promise<unknown> {
  const res = await request.post(`${host.origin}/api/${method}`, { headers: { Authorization: `Bearer ${host.token}` }, data: input });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
const ARTICLES = [
  { title: 'Pentagon open to more troops in Iraq', text: seed },
  {
    title: 'Le projet de loi sur le renseignement massivement approuvé',
    text: `L’Assemblée a adopté à une large majorité le projet de loi sur le renseignement lors d’un vote solennel, mardi 5 mai.\n\n${'Le texte encadre les techniques des services. '.repeat(40)}\n\nAdopté par les députés, il sera désormais examiné par le Sénat, puis le Conseil constitutionnel. François Hollande avait annoncé qu’il saisirait les Sages.`,
  },
  {
    title: 'Un troisième Français mort dans le séisme au Népal',
    text: 'Un troisième Français a été tué dans le tremblement de terre samedi au Népal, a déclaré jeudi le ministre Laurent Fabius.',
  },
];

test.beforeEach(async ({ host, request }) => {
  for (const a of ARTICLES) await call(request, host, 'sources.importText', a);
});

test('type in Search: results grouped with marked terms; Enter opens the source at the passage', async ({ app }) => {
  await app.getByRole('region', { name: 'Library' }).getByText(/Le projet de loi/).first().waitFor();
  await app.keyboard.press('/');
  const box = app.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  await box.pressSequentially('deputes senat', { delay: 15 });

  const results = app.getByRole('region', { name: 'Search results' });
  const sources = results.getByRole('region', { name: 'Sources' });
  const hit = sources.getByRole('button', { name: /Le projet de loi sur le renseignement/ });
  await expect(hit).toBeVisible();
  // Diacritics do not matter: "deputes senat" found "députés … Sénat", and the snippet marks what it shows.
  await expect(hit.locator('mark').first()).toHaveText('députés');
  await expect(results).toContainText('best matches first');

  await box.press('Enter');
  const reader = app.getByRole('region', { name: 'Reader' });
  await expect(reader).toContainText('il sera désormais examiné par le Sénat');
  // The passage opened is the match, far down the article: it is scrolled into view.
  await expect(reader.getByText(/examiné par le Sénat/)).toBeInViewport();
});

test('Ctrl+K focuses Search; OR and -exclude change what is found; notices explain ignored syntax', async ({ app }) => {
  await app.getByRole('region', { name: 'Library' }).getByText(/Le projet de loi/).first().waitFor();
  await app.keyboard.press('Control+k');
  const box = app.getByRole('searchbox', { name: 'Search' });
  await expect(box).toBeFocused();
  const sources = app.getByRole('region', { name: 'Search results' }).getByRole('region', { name: 'Sources' });

  await box.fill('hollande OR fabius');
  await expect(sources.getByRole('button')).toHaveCount(2);
  await box.fill('hollande OR fabius -renseignement');
  await expect(sources.getByRole('button')).toHaveCount(1);
  await expect(sources.getByRole('button')).toContainText('Un troisième Français mort');

  // Statements-only filters leave sources out.
  await box.fill('hollande speaker:kirby');
  await expect(app.getByRole('region', { name: 'Search results' })).toContainText('Nothing matches');

  await box.fill('NEAR( title:');
  await expect(app.getByRole('region', { name: 'Search results' })).toContainText('title: is not a filter');
});

test('a saved search appears in the sidebar and its count follows a new import', async ({ app, host, request }) => {
  await app.getByRole('region', { name: 'Library' }).getByText(/Le projet de loi/).first().waitFor();
  const box = app.getByRole('searchbox', { name: 'Search' });
  await box.fill('népal');
  const results = app.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('region', { name: 'Sources' }).getByRole('button')).toHaveCount(1);
  await results.getByRole('button', { name: 'Save search' }).click();
  await app.getByRole('textbox', { name: 'Saved search name' }).fill('Nepal earthquake');
  await app.getByRole('button', { name: 'Save', exact: true }).click();

  const saved = app.getByRole('navigation', { name: 'Saved searches' });
  const entry = saved.getByRole('button', { name: /^Nepal earthquake/ });
  await expect(entry).toContainText('1');

  await call(request, host, 'sources.importText', { title: 'Aftershocks in Nepal', text: 'A second earthquake struck Nepal on Tuesday, officials said.' });
  await expect(entry).toContainText('2');

  // Opening it runs it again.
  await app.getByRole('button', { name: 'Library', exact: true }).click();
  await entry.click();
  await expect(box).toHaveValue('népal');
  await expect(results.getByRole('region', { name: 'Sources' }).getByRole('button')).toHaveCount(2);
});
