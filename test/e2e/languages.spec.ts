// The browser is sent the messages of the language it shows, not both: measured on the scripts it loads.
import { expect, test, type Page, type Response } from '@playwright/test';
import { hydrated } from './support';

const finnishOnly = 'Siirry sisältöön';
const englishOnly = 'Skip to content';

/** Every script the page loads from now on, with its text. */
function recordScripts(page: Page): Map<string, string> {
  const scripts = new Map<string, string>();
  page.on('response', (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    void response.text().then(
      (text) => scripts.set(response.url(), text),
      () => undefined, // a script that navigation cut short
    );
  });
  return scripts;
}

function scriptsWith(scripts: Map<string, string>, text: string): string[] {
  return [...scripts].filter(([, body]) => body.includes(text)).map(([url]) => url);
}

test('a Finnish page loads only the Finnish messages, and switching to English loads the English ones', async ({
  page,
}) => {
  const scripts = recordScripts(page);
  await page.goto('/associations');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Yhdistykset' })).toBeVisible();

  const finnishChunks = scriptsWith(scripts, finnishOnly);
  expect(finnishChunks).toHaveLength(1);
  expect(scriptsWith(scripts, englishOnly)).toEqual([]);
  // One language's catalogue, not the whole library: its size is printed with the test results.
  const catalogueBytes = Buffer.byteLength(scripts.get(finnishChunks[0]!)!);
  test
    .info()
    .annotations.push({ type: 'Finnish catalogue chunk (bytes)', description: String(catalogueBytes) });
  expect(catalogueBytes).toBeLessThan(80_000);

  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Associations' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await hydrated(page);
  await expect.poll(() => scriptsWith(scripts, englishOnly).length).toBe(1);
  // The page works in English after the switch: a client-side search shows English results text.
  await page.getByRole('searchbox').first().fill('ry');
  await expect(page.getByRole('main')).toContainText(/results?|associations? on this page/);
});
