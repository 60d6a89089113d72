import { expect, test } from '@playwright/test';
import { storageStateOf } from './auth';
import { hydrated } from './support';

test('two people edit the same association: the second save gets a clear conflict and loses nothing', async ({
  browser,
  baseURL,
}) => {
  const anna = await browser.newContext({ baseURL, storageState: storageStateOf('admin') });
  const ville = await browser.newContext({ baseURL, storageState: storageStateOf('staff') });
  const annaPage = await anna.newPage();
  const villePage = await ville.newPage();

  await annaPage.goto('/associations?q=' + encodeURIComponent('åkerlundin'));
  const href =
    (await annaPage.getByRole('link', { name: 'Åkerlundin Muistokerho' }).getAttribute('href')) ?? '';
  const editUrl = new URL(href, annaPage.url()).pathname + '/edit';
  await annaPage.goto(editUrl);
  await villePage.goto(editUrl);
  await hydrated(annaPage);
  await hydrated(villePage);

  await annaPage.getByLabel('Puhelin').fill('040 111 2222');
  await annaPage.getByRole('button', { name: 'Tallenna' }).click();
  await expect(annaPage.getByRole('status')).toHaveText('Perustiedot tallennettu.');

  await villePage.getByLabel('Verkkosivut').fill('https://akerlund.example.invalid/');
  await villePage.getByLabel('Muistiinpanot').fill('Villen muistiinpano');
  await villePage.getByRole('button', { name: 'Tallenna' }).click();
  await expect(villePage.getByRole('alert')).toContainText('Joku muu muutti tätä tietoa sillä välin');
  // Ville's typing is still in the form, and Anna's saved phone number is shown next to it.
  await expect(villePage.getByLabel('Muistiinpanot')).toHaveValue('Villen muistiinpano');
  await expect(villePage.getByLabel('Verkkosivut')).toHaveValue('https://akerlund.example.invalid/');
  await expect(villePage.locator('section.conflict')).toContainText('040 111 2222');

  // Saving again is a deliberate choice, made on the version Ville has now seen.
  await hydrated(villePage);
  await villePage.getByLabel('Puhelin').fill('040 111 2222');
  await villePage.getByRole('button', { name: 'Tallenna' }).click();
  await expect(villePage.getByRole('status')).toHaveText('Perustiedot tallennettu.');
  await expect(villePage.locator('dl.profile')).toContainText('040 111 2222');
  await expect(villePage.locator('dl.profile')).toContainText('Villen muistiinpano');
  await anna.close();
  await ville.close();
});
