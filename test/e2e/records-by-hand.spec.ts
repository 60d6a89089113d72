// Records by hand: a staff member meets an association that is not in Kohtaamo yet, adds it and
// logs the visit in one flow; a likely duplicate is warned about before saving; without JavaScript
// the same flow works; a resubmitted form creates one association; a viewer can do none of it.
import { expect, test, type Page } from '@playwright/test';
import { storageStateOf } from './auth';
import { client } from './http';
import { expectNoAxeViolations, findTask, finnishDate, helsinkiDatePlus, hydrated } from './support';

test.use({ storageState: storageStateOf('staff') });

async function fillNewAssociation(
  page: Page,
  fields: { name: string; municipalities: string },
  javaScript = true,
) {
  if (javaScript) await hydrated(page);
  await page.getByLabel('Nimi *').fill(fields.name);
  await page.getByLabel('Kunnat *').fill(fields.municipalities);
}

test('from the directory: add an association, land on it with the contact form open, log the visit', async ({
  page,
}) => {
  await page.goto('/associations');
  await hydrated(page);
  await page.getByRole('link', { name: 'Uusi yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lisää uusi yhdistys');
  await fillNewAssociation(page, { name: 'Rautavaaran Kävelykerho ry', municipalities: 'Rautavaara' });
  await page.getByLabel('Muoto').selectOption({ label: 'Kerho' });
  await page.getByLabel('Toiminnan kuvaus').fill('Viikoittaiset kävelylenkit ikäihmisille.');
  await page.getByLabel('Puhelin').fill('017 555 1234');
  await page.getByLabel('Muistiinpanot').fill('Tavattu Rautavaaran markkinoilla.');
  await page.getByLabel('Vastuuhenkilö').selectOption({ label: 'Ville Korhonen' });
  await page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rautavaaran Kävelykerho ry');
  await expect(page.getByRole('status')).toHaveText('Yhdistys on lisätty.');
  const profile = page.locator('section[aria-labelledby="profile-heading"]');
  await expect(profile).toContainText('Viikoittaiset kävelylenkit ikäihmisille.');
  await expect(profile).toContainText('Ville Korhonen');
  await expect(profile).toContainText('Kerho');
  await expect(page.locator('details#log')).toHaveAttribute('open', '');

  await hydrated(page);
  await page.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Kohtaaminen' });
  await page.locator('#contact-notes').fill('Esittelin tarjottimen, kiinnostuivat.');
  // Typing a follow-up date picks "Valitse päivä" at once.
  await page.getByLabel('Jatkotoimenpiteen päivä').fill(helsinkiDatePlus(14));
  await expect(page.getByLabel('Valitse päivä')).toBeChecked();
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  await expect(page.locator('section[aria-labelledby="timeline-heading"] li').first()).toContainText(
    'Esittelin tarjottimen, kiinnostuivat.',
  );
  await expect(page.locator('section[aria-labelledby="followups-heading"]')).toContainText(
    finnishDate(helsinkiDatePlus(14)),
  );

  // It is in the directory at once, also by its phone number typed another way.
  await page.goto('/associations?q=kävelykerho');
  await expect(page.locator('main table tbody tr')).toHaveCount(1);
  await page.goto(`/associations?q=${encodeURIComponent('+358 17 5551234')}`);
  await expect(page.locator('main table tbody tr')).toHaveCount(1);
  await expect(page.locator('main table tbody tr')).toContainText('Rautavaaran Kävelykerho ry');
});

test('a likely duplicate is warned about before saving: open the existing one, or save anyway', async ({
  page,
}) => {
  const first = 'Tuusniemen Sydänkerho ry';
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: first, municipalities: 'Tuusniemi, Kaavi' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
  const firstUrl = page.url().split('?')[0] ?? '';

  // Written differently ("r.y.", case, spacing) in one of its municipalities: warned, nothing saved.
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'tuusniemen  sydänkerho r.y.', municipalities: 'Kaavi' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  const warning = page.getByRole('alert');
  await expect(warning).toContainText('Onko tämä yhdistys jo Kohtaamossa?');
  await expect(warning).toContainText('samankaltainen nimi samassa kunnassa');
  await expect(page.getByLabel('Nimi *')).toHaveValue('tuusniemen  sydänkerho r.y.');
  await expectNoAxeViolations(page);
  // Enter in a field checks again: it never skips the warning.
  await page.getByLabel('Nimi *').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Onko tämä yhdistys jo Kohtaamossa?');
  await page.getByRole('alert').getByRole('link', { name: first }).click();
  await expect(page).toHaveURL(firstUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);

  // A different association after all: saved as new on purpose.
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Tuusniemen Sydänkerho', municipalities: 'Tuusniemi' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await page.getByRole('button', { name: 'Tallenna silti uutena' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhdistys on lisätty.');
  await page.goto('/associations?q=sydänkerho');
  await expect(page.locator('main table tbody tr')).toHaveCount(2);
});

test('the warning and the field errors in English, with axe', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'kohtaamo-lang', value: 'en', url: baseURL ?? '' }]);
  await page.goto('/associations/new');
  await page.getByRole('button', { name: 'Save the association' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Choose at least one municipality.');
  await expect(page.getByLabel('Name *')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel('Name *').fill('Tuusniemen Sydänkerho ry');
  await page.getByLabel('Municipalities *').fill('Tuusniemi');
  await page.getByRole('button', { name: 'Save the association' }).click();
  await expect(page.getByRole('alert')).toContainText('Is this association already in Kohtaamo?');
  await expectNoAxeViolations(page);
});

test('without JavaScript: add an association and log a visit to it', async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: storageStateOf('staff'),
  });
  const page = await context.newPage();
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Vieremän Lukupiiri ry', municipalities: 'Vieremä' }, false);
  await page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vieremän Lukupiiri ry');
  await page.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Kohtaaminen' });
  await page.locator('#contact-notes').fill('Tavattiin kirjastolla.');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  await context.close();
});

test('creates a municipality council as a partner and logs a meeting with it', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('/associations/new');
  await hydrated(page);
  await page.getByLabel('Toimijan laji').selectOption({ label: 'Vanhus- tai vammaisneuvosto' });
  // A partner has no type and no tarjotin stage: the fields leave the form.
  await expect(page.getByLabel('Muoto')).toHaveCount(0);
  await expect(page.getByLabel('Tarjotinvaihe alussa')).toHaveCount(0);
  await fillNewAssociation(page, { name: 'Tervon vanhus- ja vammaisneuvosto', municipalities: 'Tervo' });
  await page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await page.getByRole('button', { name: 'Tallenna kumppani' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tervon vanhus- ja vammaisneuvosto');
  await expect(page.getByRole('status')).toHaveText('Kumppani on lisätty.');
  const profile = page.locator('section[aria-labelledby="profile-heading"]');
  await expect(profile).toContainText('Vanhus- tai vammaisneuvosto');
  await expect(profile).not.toContainText('Muoto');
  const stage = page.locator('section[aria-labelledby="stage-heading"]');
  await expect(stage).toContainText('Kumppani ei ole tarjotinpolulla');
  await expect(stage.locator('form')).toHaveCount(0);

  await hydrated(page);
  await page.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Kohtaaminen' });
  await page.locator('#contact-notes').fill('Neuvoston kokous: yhdistysten esittely syksyllä.');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  await expect(page.locator('section[aria-labelledby="timeline-heading"] li').first()).toContainText(
    'Neuvoston kokous: yhdistysten esittely syksyllä.',
  );
  await expectNoAxeViolations(page);
  const partnerPage = page.url();

  // In the directory by its kind, named by it; never on the pipeline board.
  await page.goto('/associations?kind=neuvosto');
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Tervon vanhus- ja vammaisneuvosto');
  await expect(rows).toContainText('Vanhus- tai vammaisneuvosto');
  await page.goto('/associations?kind=association&q=Tervon');
  await expect(page.locator('main')).not.toContainText('Tervon vanhus- ja vammaisneuvosto');
  await page.goto('/pipeline');
  await expect(page.locator('main')).not.toContainText('Tervon vanhus- ja vammaisneuvosto');

  // The partner's page in English, with axe.
  await context.addCookies([{ name: 'kohtaamo-lang', value: 'en', url: baseURL ?? '' }]);
  await page.goto(partnerPage.replace(/\?.*$/, ''));
  await expect(page.locator('section[aria-labelledby="profile-heading"]')).toContainText(
    'Council for older people or for disability',
  );
  await expect(page.locator('section[aria-labelledby="stage-heading"]')).toContainText(
    'A partner is not on the tarjotin path',
  );
  await expectNoAxeViolations(page);
  await context.clearCookies({ name: 'kohtaamo-lang' });
});

test('without JavaScript: a partner is added with the type and stage fields still in the form, gets neither, and its kind is corrected later', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: storageStateOf('staff'),
  });
  const page = await context.newPage();
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Vesannon kunta', municipalities: 'Vesanto' }, false);
  await page.getByLabel('Toimijan laji').selectOption({ label: 'Kunta' });
  await expect(page.getByLabel('Muoto')).toHaveCount(1);
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vesannon kunta');
  await expect(page.locator('section[aria-labelledby="profile-heading"]')).not.toContainText('Muoto');
  await expect(page.locator('section[aria-labelledby="stage-heading"]')).toContainText(
    'Kumppani ei ole tarjotinpolulla',
  );

  // Entered as the wrong kind: corrected on the edit page, it joins the tarjotin path.
  await page.getByRole('link', { name: 'Muokkaa perustietoja' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Toimijan laji' })).toBeVisible();
  await page.locator('#change-kind').selectOption({ label: 'Yhdistys' });
  await page.locator('#change-frame').selectOption({ label: 'Yhdistys' });
  await page.getByRole('button', { name: 'Vaihda laji' }).click();
  await expect(page.getByRole('status')).toHaveText('Toimijan laji vaihdettiin.');
  await expect(page.locator('section[aria-labelledby="stage-heading"]')).toContainText('Ei yhteydenottoa');
  await expect(page.locator('section[aria-labelledby="profile-heading"]')).toContainText('Muoto');
  await context.close();
});

test('without JavaScript: a follow-up typed beside "no follow-up" is asked about, then saved, never dropped', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: storageStateOf('staff'),
  });
  const page = await context.newPage();
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Sonkajärven Soittajat ry', municipalities: 'Sonkajärvi' }, false);
  await page.getByLabel('Kirjaa yhteydenotto heti tallennuksen jälkeen').check();
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sonkajärven Soittajat ry');
  await expect(page.getByLabel('Ei jatkotoimenpidettä')).toBeChecked();

  await page.locator('#contact-notes').fill('Puhelu puheenjohtajalle.');
  await page.getByLabel('Mitä tehdään (valinnainen)').fill('Lähetä tarjottimen ohjeet');
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('alert')).toContainText('Tarkista merkityt kentät.');
  await expect(page.locator('#contact-followup-date-error')).toContainText('Valitse, milloin se tehdään');
  await expect(page.getByLabel('Mitä tehdään (valinnainen)')).toHaveValue('Lähetä tarjottimen ohjeet');
  await expect(page.locator('#contact-notes')).toHaveValue('Puhelu puheenjohtajalle.');
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
  await expect(timeline).not.toContainText('Puhelu puheenjohtajalle.');

  // The date typed with "no follow-up" still selected is the date the user meant.
  await page.getByLabel('Jatkotoimenpiteen päivä').fill(helsinkiDatePlus(3));
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  await expect(timeline).toContainText('Puhelu puheenjohtajalle.');
  const tasks = page.locator('section[aria-labelledby="followups-heading"]');
  await expect(tasks).toContainText('Lähetä tarjottimen ohjeet');
  await expect(tasks).toContainText(finnishDate(helsinkiDatePlus(3)));
  await context.close();
});

test('a form sent twice creates one association; a viewer gets 403 and no link', async ({ page }) => {
  await page.goto('/associations/new');
  const id = await page.locator('input[name="id"]').inputValue();
  const staff = await client('staff');
  const form = { id, name: 'Kaavin Kahvikerho ry', frame: 'kerho', municipalities: 'Kaavi' };
  for (let i = 0; i < 2; i++) {
    const response = await staff.post('/associations/new?/create', { form, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe(`/associations/${id}?done=created`);
  }
  await page.goto('/associations?q=kahvikerho');
  await expect(page.locator('main table tbody tr')).toHaveCount(1);

  const viewer = await client('viewer');
  expect((await viewer.get('/associations/new', { maxRedirects: 0 })).status()).toBe(403);
  const refused = await viewer.post('/associations/new?/create', {
    form: { ...form, id: id.replace(/.$/, id.endsWith('0') ? '1' : '0'), name: 'Katsojan Kerho ry' },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  await Promise.all([staff.dispose(), viewer.dispose()]);
});

test('a task without a contact: add it on the association, find it in My tasks, correct it, cancel it', async ({
  page,
}) => {
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Keiteleen Kuntokerho ry', municipalities: 'Keitele' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keiteleen Kuntokerho ry');
  const associationUrl = page.url().split('?')[0] ?? '';

  await hydrated(page);
  await page.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('alert')).toContainText('Kirjoita, mitä pitää tehdä.');
  await expect(page.getByLabel('Mitä pitää tehdä')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Mitä pitää tehdä').fill('Lähetä tarjottimen ohjeet');
  await page.getByLabel('Määräpäivä').fill(helsinkiDatePlus(1));
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä lisätty.');
  const tasks = page.locator('section[aria-labelledby="followups-heading"]');
  await expect(tasks).toContainText('Lähetä tarjottimen ohjeet');
  await expect(tasks).toContainText(finnishDate(helsinkiDatePlus(1)));

  const mine = page.locator('ul.tasks li').filter({ hasText: 'Keiteleen Kuntokerho ry' });
  await findTask(page, mine, { due: helsinkiDatePlus(1) });
  await expect(mine).toContainText('Lähetä tarjottimen ohjeet');

  await page.goto(associationUrl);
  await page.getByRole('link', { name: 'Muokkaa: Lähetä tarjottimen ohjeet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muokkaa tehtävää');
  await expectNoAxeViolations(page);
  await page.getByLabel('Mitä pitää tehdä').fill('Lähetä tarjottimen ohjeet sähköpostilla');
  await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä tallennettu.');
  await expect(tasks).toContainText('Lähetä tarjottimen ohjeet sähköpostilla');

  await page.getByRole('link', { name: 'Muokkaa: Lähetä tarjottimen ohjeet sähköpostilla' }).click();
  await page.getByRole('button', { name: 'Kyllä, peru tämä tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä peruttu.');
  await expect(tasks).toContainText('Ei avoimia jatkotoimenpiteitä.');
});

test('a team task shows in the team view as the team’s, and one click on "Siirrä" takes it', async ({
  page,
}) => {
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Pielaveden Perhekerho ry', municipalities: 'Pielavesi' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await hydrated(page);
  await page.locator('summary', { hasText: 'Uusi tehtävä' }).click();
  await page.getByLabel('Mitä pitää tehdä').fill('Kuka ehtii hallituksen kokoukseen?');
  await page.getByLabel('Määräpäivä').fill(helsinkiDatePlus(0));
  await page.getByLabel('Vastuuhenkilö').selectOption({ label: 'Tiimi (kuka tahansa henkilökunnasta)' });
  await page.getByRole('button', { name: 'Lisää tehtävä' }).click();
  await expect(page.getByRole('status')).toHaveText('Tehtävä lisätty.');

  const task = page.locator('ul.tasks li').filter({ hasText: 'Pielaveden Perhekerho ry' });
  await findTask(page, task, { team: true, due: helsinkiDatePlus(0) });
  await expect(task).toContainText('Tiimi (kuka tahansa henkilökunnasta)');
  await task.getByLabel('Siirrä henkilölle').selectOption({ label: 'Ville Korhonen' });
  await task.getByRole('button', { name: 'Siirrä', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Jatkotoimenpide siirretty toiselle.');
  // Handing it to the one who already has it changes nothing, and says so.
  await findTask(page, task, { team: true, due: helsinkiDatePlus(0) });
  await expect(task).toContainText('Ville Korhonen');
  await task.getByRole('button', { name: 'Siirrä', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Tehtävä oli jo valitulla tekijällä, joten mitään ei muutettu.',
  );
});

test('marking an association dissolved asks first, archives it and moves its stage to Lakannut', async ({
  page,
}) => {
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Vesannon Loppuva Kerho ry', municipalities: 'Vesanto' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vesannon Loppuva Kerho ry');
  // The prominent controls are for everyday work: archiving is a link, folded at the bottom of the
  // page with the other rare actions, that asks before it acts.
  await expect(page.getByRole('button', { name: /lakanneeksi/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Merkitse lakanneeksi (arkistoi)…' })).toBeHidden();
  await page.getByText('Lisää toimintoja').click();
  await page.getByRole('link', { name: 'Merkitse lakanneeksi (arkistoi)…' }).click();
  const confirm = page.getByRole('group', { name: 'Merkitäänkö yhdistys lakanneeksi?' });
  await expect(confirm).toContainText('Tarjotinvaihe siirtyy vaiheeseen ”Lakannut”.');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Kyllä, merkitse lakanneeksi' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhdistys arkistoitu.');
  await expect(page.locator('section[aria-labelledby="stage-heading"]')).toContainText('Lakannut');
  await expect(page.getByText('Palauttaminen ei muuta tarjotinvaihetta')).toBeVisible();
});

test('people: add a secretary to two associations as one person, found in the people directory', async ({
  page,
}) => {
  const addPerson = async (association: string, name: string, role: string) => {
    await page.goto('/associations/new');
    await fillNewAssociation(page, { name: association, municipalities: 'Lapinlahti' });
    await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(association);
    await hydrated(page);
    await page.locator('summary', { hasText: 'Lisää henkilö' }).click();
    await page.getByLabel('Nimi *').fill(name);
    await page.getByLabel('Rooli', { exact: true }).selectOption({ label: role });
    await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  };
  await addPerson('Lapinlahden Lauluseura ry', 'Seija Sihteerinen', 'Sihteeri');
  await expect(page.getByRole('status')).toHaveText('Henkilö lisätty.');
  const people = page.locator('section[aria-labelledby="people-heading"]');
  await expect(people).toContainText('Seija Sihteerinen');
  await expect(people).toContainText('Sihteeri');

  await addPerson('Lapinlahden Kuoro ry', 'seija sihteerinen', 'Sihteeri');
  const question = page.getByRole('group', { name: /Samanniminen henkilö on jo Kohtaamossa/ });
  await expect(question).toBeVisible();
  await expectNoAxeViolations(page);
  await question.getByLabel(/Seija Sihteerinen/).check();
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('status')).toHaveText('Henkilö lisätty.');

  await page.getByRole('link', { name: 'Henkilöt' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Henkilöt');
  await page.getByLabel('Hae nimen alulla').fill('seija sih');
  await page.getByRole('button', { name: 'Hae' }).click();
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: 'Seija Sihteerinen' }).click();
  await expect(page.locator('main')).toContainText('Lapinlahden Lauluseura ry');
  await expect(page.locator('main')).toContainText('Lapinlahden Kuoro ry');
  await expect(page.locator('section[aria-labelledby="met-heading"]')).toContainText(
    'Henkilöä ei ole vielä merkitty tavatuksi yhdessäkään yhteydenotossa.',
  );

  // The name was misspelt: corrected once, it is right on both associations and in search.
  await hydrated(page);
  await page.getByLabel('Nimi', { exact: true }).fill('Seija Sihteeri-Nieminen');
  await page.getByRole('button', { name: 'Korjaa nimi' }).click();
  await expect(page.getByRole('status')).toHaveText('Nimi korjattu.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seija Sihteeri-Nieminen');
  for (const association of ['Lapinlahden Lauluseura ry', 'Lapinlahden Kuoro ry']) {
    await page.getByRole('link', { name: association }).click();
    await expect(page.locator('section[aria-labelledby="people-heading"]')).toContainText(
      'Seija Sihteeri-Nieminen',
    );
    await page.goBack();
  }
  await page.goto('/associations?q=sihteeri-nieminen');
  await expect(page.locator('main table tbody tr')).toHaveCount(2);
});

test('a board change: the chair’s role ends and stays as history, a new chair is added', async ({ page }) => {
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Rautalammin Eläkkeensaajat ry', municipalities: 'Rautalampi' });
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await hydrated(page);
  await page.locator('summary', { hasText: 'Lisää henkilö' }).click();
  await page.getByLabel('Nimi *').fill('Kalle Kalkkunen');
  await page.getByLabel('Rooli', { exact: true }).selectOption({ label: 'Puheenjohtaja' });
  await page.getByLabel('Alkaen (valinnainen)').fill('2022-04-01');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('status')).toHaveText('Henkilö lisätty.');

  await hydrated(page);
  await page.getByText('Muuta roolia').click();
  await page.getByLabel('Päättyi: Kalle Kalkkunen').fill('2026-03-31');
  await page.getByRole('button', { name: 'Päätä rooli' }).click();
  await expect(page.getByRole('status')).toHaveText('Rooli päätetty. Se näkyy entisissä rooleissa.');
  const people = page.locator('section[aria-labelledby="people-heading"]');
  await expect(people.locator('ul.former')).toContainText('Kalle Kalkkunen');
  await expect(people.locator('ul.former')).toContainText('1.4.2022–31.3.2026');

  // Kalle stays on the board as its treasurer: a second role of the same person, not a second person.
  await hydrated(page);
  await page.locator('summary', { hasText: 'Lisää henkilö' }).click();
  await page.getByLabel('Nimi *').fill('Kalle Kalkkunen');
  await page.getByLabel('Rooli', { exact: true }).selectOption({ label: 'Rahastonhoitaja' });
  await page.getByLabel('Alkaen (valinnainen)').fill('2026-04-01');
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await page
    .getByRole('group', { name: /Samanniminen henkilö on jo Kohtaamossa/ })
    .getByLabel(/Kalle Kalkkunen/)
    .check();
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(page.getByRole('status')).toHaveText('Henkilö lisätty.');
  await expect(people.locator('ul.people').first()).toContainText('Kalle Kalkkunen');
  await expect(people.locator('ul.people').first()).toContainText('Rahastonhoitaja');
  await expect(people.locator('ul.former')).toContainText('Puheenjohtaja');
  // The contact form offers him once.
  await expect(page.locator('#contact-people').getByLabel('Kalle Kalkkunen')).toHaveCount(1);
  await people.getByRole('link', { name: 'Kalle Kalkkunen' }).first().click();
  const roles = page.locator('section[aria-labelledby="memberships-heading"]');
  await expect(roles.locator('ul').first()).toContainText('Rahastonhoitaja, 1.4.2026 –');
  await expect(roles.locator('ul.former')).toContainText('Puheenjohtaja, 1.4.2022–31.3.2026');
  await expectNoAxeViolations(page);
  await page.goBack();

  await hydrated(page);
  await page.locator('summary', { hasText: 'Lisää henkilö' }).click();
  await page.getByLabel('Nimi *').fill('Ritva Rautiainen');
  await page.getByLabel('Puhelin').fill('040 765 4321');
  await page.getByLabel('Sähköposti').fill('ritva@example.invalid');
  await page.getByLabel('Rooli', { exact: true }).selectOption({ label: 'Puheenjohtaja' });
  await page.getByRole('button', { name: 'Lisää henkilö' }).click();
  await expect(people.locator('ul.people').first()).toContainText('Ritva Rautiainen');
  // Her number and address are one tap away, in international form for the phone.
  await expect(people.getByRole('link', { name: 'Soita: Ritva Rautiainen, 040 765 4321' })).toHaveAttribute(
    'href',
    'tel:+358407654321',
  );
  await expect(
    people.getByRole('link', { name: 'Sähköposti: Ritva Rautiainen, ritva@example.invalid' }),
  ).toHaveAttribute('href', 'mailto:ritva@example.invalid');

  // A visit with her: the timeline says who logged it and whom they met, under the month.
  await hydrated(page);
  await page.locator('summary', { hasText: 'Kirjaa yhteydenotto' }).click();
  await page.getByLabel('Yhteydenoton tapa').selectOption({ label: 'Kohtaaminen' });
  await page.locator('#contact-people').getByLabel('Ritva Rautiainen').check();
  await page.getByRole('button', { name: 'Tallenna yhteydenotto' }).click();
  await expect(page.getByRole('status')).toHaveText('Yhteydenotto tallennettu.');
  const timeline = page.locator('section[aria-labelledby="timeline-heading"]');
  const month = new Intl.DateTimeFormat('fi-FI', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Helsinki',
  }).format(new Date());
  await expect(timeline.locator('h3').first()).toHaveText(new RegExp(month, 'i'));
  await expect(timeline.locator('li').first()).toContainText('kirjasi Ville Korhonen');
  await expect(
    timeline.locator('li').first().getByRole('link', { name: 'Ritva Rautiainen' }),
  ).toHaveAttribute('href', /\/people\/[0-9A-Z]{26}$/);
  await expectNoAxeViolations(page);

  // Her page lists the visit among the contacts where she was met, linking back to the association.
  await timeline.locator('li').first().getByRole('link', { name: 'Ritva Rautiainen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ritva Rautiainen');
  const met = page.locator('section[aria-labelledby="met-heading"]');
  const visit = met.locator('tbody tr');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText(finnishDate(helsinkiDatePlus(0)));
  await expect(visit).toContainText('Kohtaaminen');
  await expect(visit).toContainText('Pidetty');
  await expect(visit.getByRole('link', { name: 'Rautalammin Eläkkeensaajat ry' })).toHaveAttribute(
    'href',
    /\/associations\/[0-9A-Z]{26}$/,
  );
  await expectNoAxeViolations(page);
});

test('an umbrella organisation: chosen by the start of its name (asked when several match), shown both ways', async ({
  page,
}) => {
  for (const name of ['Pohjois-Savon Reumapiiri ry', 'Pohjois-Savon Reumaliitto ry']) {
    await page.goto('/associations/new');
    await fillNewAssociation(page, { name, municipalities: 'Kuopio' });
    await page.getByLabel('Muoto').selectOption({ label: 'Piiri' });
    await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  }

  // Two start "Pohjois-Savon Reuma": the form asks which, keeping everything typed.
  await page.goto('/associations/new');
  await fillNewAssociation(page, { name: 'Kuopion Reumayhdistys ry', municipalities: 'Kuopio' });
  await page.getByLabel('Kattojärjestö (valinnainen)').fill('pohjois-savon reuma');
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('alert')).toContainText('Valitse, mikä näistä on kattojärjestö.');
  const choice = page.getByRole('group', { name: /Useampi yhdistys alkaa näin/ });
  await expect(choice.getByRole('radio')).toHaveCount(2);
  await expect(page.getByLabel('Nimi *')).toHaveValue('Kuopion Reumayhdistys ry');
  await expectNoAxeViolations(page);
  await choice.getByLabel(/Pohjois-Savon Reumapiiri ry/).check();
  await page.getByRole('button', { name: 'Tallenna yhdistys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuopion Reumayhdistys ry');
  const profile = page.locator('section[aria-labelledby="profile-heading"]');
  await expect(profile).toContainText('Kuuluu kattojärjestöön');
  await profile.getByRole('link', { name: 'Pohjois-Savon Reumapiiri ry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pohjois-Savon Reumapiiri ry');
  const members = page.locator('ul.member-associations');
  await expect(members).toHaveText('Kuopion Reumayhdistys ry');

  // Moved to the liitto on the edit page by its full name; the piiri no longer lists it.
  await members.getByRole('link', { name: 'Kuopion Reumayhdistys ry' }).click();
  await page.getByRole('link', { name: 'Muokkaa perustietoja' }).click();
  await hydrated(page);
  await expect(page.getByLabel('Kattojärjestö (valinnainen)')).toHaveValue('Pohjois-Savon Reumapiiri ry');
  await page.getByLabel('Kattojärjestö (valinnainen)').fill('Pohjois-Savon Reumaliitto ry');
  await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
  await expect(profile.getByRole('link', { name: 'Pohjois-Savon Reumaliitto ry' })).toBeVisible();
  await profile.getByRole('link', { name: 'Pohjois-Savon Reumaliitto ry' }).click();
  await expect(page.locator('ul.member-associations')).toHaveText('Kuopion Reumayhdistys ry');
});

test.describe('as a viewer', () => {
  test.use({ storageState: storageStateOf('viewer') });
  test('the directory offers no new association', async ({ page }) => {
    await page.goto('/associations');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yhdistykset');
    await expect(page.getByRole('link', { name: 'Uusi yhdistys' })).toHaveCount(0);
  });
});
