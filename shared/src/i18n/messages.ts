// The message catalogue: every user-visible text in Finnish (default) and English.
// Keys are grouped by screen or domain; `t()` fills {placeholders}.
export const locales = ['fi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fi';

export interface Localised {
  fi: string;
  en: string;
}

export const messages = {
  'app.name': { fi: 'Kohtaamo', en: 'Kohtaamo' },
  'app.skipToContent': { fi: 'Siirry sisältöön', en: 'Skip to content' },
  'app.mainNav': { fi: 'Päävalikko', en: 'Main navigation' },
  'app.language': { fi: 'Kieli', en: 'Language' },
  'app.switchTo': { fi: 'In English', en: 'Suomeksi' },
  'nav.associations': { fi: 'Yhdistykset', en: 'Associations' },

  'nav.home': { fi: 'Etusivu', en: 'Home' },
  'nav.tasks': { fi: 'Omat tehtävät', en: 'My tasks' },
  'nav.pipeline': { fi: 'Tarjotinpolku', en: 'Onboarding pipeline' },
  'nav.settings': { fi: 'Asetukset', en: 'Settings' },
  'settings.title': { fi: 'Tarjotinpolun asetukset', en: 'Pipeline settings' },
  'settings.stages': { fi: 'Vaiheet', en: 'Stages' },
  'settings.code': { fi: 'Tunnus', en: 'Code' },
  'settings.labelFi': { fi: 'Nimi suomeksi', en: 'Name in Finnish' },
  'settings.labelEn': { fi: 'Nimi englanniksi', en: 'Name in English' },
  'settings.kind': { fi: 'Laji', en: 'Kind' },
  'settings.kind.main': { fi: 'Polun vaihe', en: 'Step on the path' },
  'settings.kind.exit': { fi: 'Poistuminen', en: 'Exit' },
  'settings.position': { fi: 'Järjestys', en: 'Order' },
  'settings.remove': { fi: 'Poista', en: 'Remove' },
  'settings.newStage': { fi: 'Uusi vaihe (täytä lisätäksesi)', en: 'New stage (fill in to add)' },
  'settings.staleAfterDays': {
    fi: 'Korosta kortti, kun se on odottanut vaiheessa päivää',
    en: 'Highlight a card after this many days in a stage',
  },
  'settings.save': { fi: 'Tallenna asetukset', en: 'Save settings' },
  'settings.saved': { fi: 'Asetukset tallennettu.', en: 'Settings saved.' },
  'home.title': { fi: 'Etusivu', en: 'Home' },
  'home.overdue': { fi: 'Myöhässä: {count}', en: 'Overdue: {count}' },
  'home.today': { fi: 'Tänään: {count}', en: 'Today: {count}' },
  'home.toTasks': { fi: 'Avaa omat tehtävät', en: 'Open my tasks' },
  'home.toDirectory': { fi: 'Selaa yhdistyksiä', en: 'Browse associations' },

  'contact.open': { fi: 'Kirjaa yhteydenotto', en: 'Log a contact' },
  'contact.openForFollowUp': {
    fi: 'Kirjaa yhteydenotto, joka kuittaa jatkotoimenpiteen',
    en: 'Log the contact that completes the follow-up',
  },
  'contact.kind': { fi: 'Yhteydenoton tapa', en: 'Kind of contact' },
  'contact.outcome': { fi: 'Tulos', en: 'Outcome' },
  'contact.outcomeDefault': {
    fi: 'Oletus (puhelu: tavoitettu, tapaaminen: pidetty)',
    en: 'Default (call: reached, meeting: held)',
  },
  'contact.date': { fi: 'Päivä', en: 'Date' },
  'contact.notes': { fi: 'Muistiinpanot', en: 'Notes' },
  'contact.topics': { fi: 'Aiheet (pilkulla erotettuna)', en: 'Topics (separated by commas)' },
  'contact.people': { fi: 'Tavatut henkilöt', en: 'People met' },
  'contact.nextFollowUp': { fi: 'Seuraava jatkotoimenpide', en: 'Next follow-up' },
  'contact.followUp.none': { fi: 'Ei jatkotoimenpidettä', en: 'No follow-up' },
  'contact.followUp.week': { fi: 'Viikon päästä', en: 'In a week' },
  'contact.followUp.month': { fi: 'Kuukauden päästä', en: 'In a month' },
  'contact.followUp.year_end': { fi: 'Vuoden lopussa (tarkistus)', en: 'At year end (revisit)' },
  'contact.followUp.custom': { fi: 'Valitse päivä', en: 'Pick a date' },
  'contact.followUpDate': { fi: 'Jatkotoimenpiteen päivä', en: 'Follow-up date' },
  'contact.followUpTitle': { fi: 'Mitä tehdään (valinnainen)', en: 'What to do (optional)' },
  'contact.completes': {
    fi: 'Kuittaa jatkotoimenpiteen: {title} ({date})',
    en: 'Completes the follow-up: {title} ({date})',
  },
  'contact.save': { fi: 'Tallenna yhteydenotto', en: 'Save contact' },
  'contact.saved': { fi: 'Yhteydenotto tallennettu.', en: 'Contact saved.' },
  'form.errors': { fi: 'Tarkista merkityt kentät.', en: 'Please check the marked fields.' },
  'form.cancel': { fi: 'Peruuta', en: 'Cancel' },

  'followUp.complete': { fi: 'Merkitse tehdyksi', en: 'Mark done' },
  'followUp.completed': { fi: 'Jatkotoimenpide merkitty tehdyksi.', en: 'Follow-up marked done.' },
  'followUp.logCall': { fi: 'Kirjaa yhteydenotto ja kuittaa', en: 'Log contact and complete' },
  'followUp.snooze': { fi: 'Siirrä viikolla', en: 'Snooze a week' },
  'followUp.snoozed': { fi: 'Jatkotoimenpide siirretty.', en: 'Follow-up moved.' },
  'followUp.reassign': { fi: 'Siirrä henkilölle', en: 'Reassign to' },
  'followUp.reassignButton': { fi: 'Siirrä', en: 'Reassign' },
  'followUp.reassigned': { fi: 'Jatkotoimenpide siirretty toiselle.', en: 'Follow-up reassigned.' },
  'followUp.untitled': { fi: 'Jatkotoimenpide', en: 'Follow-up' },
  'followUp.assignee': { fi: 'Vastuuhenkilö', en: 'Assignee' },

  'tasks.title': { fi: 'Omat tehtävät', en: 'My tasks' },
  'tasks.teamTitle': { fi: 'Tiimin tehtävät', en: 'Team tasks' },
  'tasks.showTeam': { fi: 'Näytä tiimin tehtävät', en: 'Show team tasks' },
  'tasks.showMine': { fi: 'Näytä omat tehtävät', en: 'Show my tasks' },
  'tasks.group.overdue': { fi: 'Myöhässä', en: 'Overdue' },
  'tasks.group.today': { fi: 'Tänään', en: 'Today' },
  'tasks.group.thisWeek': { fi: 'Tällä viikolla', en: 'This week' },
  'tasks.group.later': { fi: 'Myöhemmin', en: 'Later' },
  'tasks.empty': { fi: 'Ei tehtäviä.', en: 'No tasks.' },
  'tasks.more': { fi: 'Lisää tehtäviä', en: 'More tasks' },

  'pipeline.title': { fi: 'Tarjotinpolku', en: 'Onboarding pipeline' },
  'pipeline.count': { fi: '{count} yhdistystä', en: '{count} associations' },
  'pipeline.days': { fi: '{days} pv vaiheessa', en: '{days} days in stage' },
  'pipeline.stale': { fi: 'Odottanut pitkään', en: 'Waiting long' },
  'pipeline.moveTo': { fi: 'Siirrä vaiheeseen', en: 'Move to stage' },
  'pipeline.move': { fi: 'Siirrä', en: 'Move' },
  'pipeline.note': { fi: 'Huomio (valinnainen)', en: 'Note (optional)' },
  'pipeline.moved': { fi: 'Vaihe vaihdettu.', en: 'Stage changed.' },
  'pipeline.more': { fi: 'Näytä lisää', en: 'Show more' },
  'pipeline.empty': { fi: 'Ei yhdistyksiä tässä vaiheessa.', en: 'No associations in this stage.' },

  'directory.title': { fi: 'Yhdistykset', en: 'Associations' },
  'directory.count': { fi: '{count} yhdistystä tällä sivulla', en: '{count} associations on this page' },
  'directory.empty': {
    fi: 'Työtilassa ei ole vielä yhdistyksiä. Täytä esimerkkidata komennolla npm run seed:demo.',
    en: 'This workspace has no associations yet. Fill it with demo data: npm run seed:demo.',
  },
  'directory.search': {
    fi: 'Hae nimellä, kunnalla tai henkilöllä',
    en: 'Search by name, municipality or person',
  },
  'directory.searchButton': { fi: 'Hae', en: 'Search' },
  'directory.filters': { fi: 'Rajaa', en: 'Filter' },
  'directory.any': { fi: 'Kaikki', en: 'All' },
  'directory.filter.municipality': { fi: 'Kunta', en: 'Municipality' },
  'directory.filter.frame': { fi: 'Muoto', en: 'Type' },
  'directory.filter.targetGroup': { fi: 'Kohderyhmä', en: 'Target group' },
  'directory.filter.stage': { fi: 'Tarjotinvaihe', en: 'Tarjotin stage' },
  'directory.filter.noContact': { fi: 'Ei yhteydenottoa', en: 'No contact in' },
  'directory.filter.noContactMonths': { fi: '{months} kk:een', en: '{months} months' },
  'directory.filter.openFollowUps': {
    fi: 'Vain ne, joilla on avoimia jatkotoimenpiteitä',
    en: 'Only with open follow-ups',
  },
  'directory.filter.archived': { fi: 'Näytä myös lakanneet', en: 'Include dissolved' },
  'directory.sort': { fi: 'Järjestys', en: 'Sort by' },
  'directory.sort.name': { fi: 'Nimi', en: 'Name' },
  'directory.sort.lastContact': { fi: 'Viimeisin yhteydenotto', en: 'Last contact' },
  'directory.total': { fi: '{count} hakutulosta', en: '{count} results' },
  'directory.noResults': {
    fi: 'Ei hakutuloksia. Kokeile toista hakusanaa tai poista rajauksia.',
    en: 'No results. Try another word or remove filters.',
  },
  'directory.clear': { fi: 'Tyhjennä haku', en: 'Clear search' },
  'directory.next': { fi: 'Seuraava sivu', en: 'Next page' },
  'directory.first': { fi: 'Ensimmäinen sivu', en: 'First page' },
  'directory.col.name': { fi: 'Nimi', en: 'Name' },
  'directory.col.frame': { fi: 'Muoto', en: 'Type' },
  'directory.col.municipalities': { fi: 'Kunnat', en: 'Municipalities' },
  'directory.col.stage': { fi: 'Tarjotinvaihe', en: 'Tarjotin stage' },
  'directory.col.lastContact': { fi: 'Viimeisin yhteydenotto', en: 'Last contact' },
  'directory.col.nextFollowUp': { fi: 'Seuraava jatkotoimenpide', en: 'Next follow-up' },

  'association.profile': { fi: 'Perustiedot', en: 'Profile' },
  'association.people': { fi: 'Henkilöt', en: 'People' },
  'association.noPeople': { fi: 'Ei henkilöitä.', en: 'No people.' },
  'association.timeline': { fi: 'Aikajana', en: 'Timeline' },
  'association.noTimeline': { fi: 'Ei yhteydenottoja vielä.', en: 'No contacts yet.' },
  'association.openFollowUps': { fi: 'Avoimet jatkotoimenpiteet', en: 'Open follow-ups' },
  'association.noFollowUps': { fi: 'Ei avoimia jatkotoimenpiteitä.', en: 'No open follow-ups.' },
  'association.stage': { fi: 'Tarjotinvaihe', en: 'Tarjotin stage' },
  'association.stageSince': { fi: '{date} alkaen ({days} pv)', en: 'since {date} ({days} days)' },
  'association.stageHistory': { fi: 'Vaiheiden historia', en: 'Stage history' },
  'association.stageAdded': { fi: 'Lisättiin vaiheeseen', en: 'Added in stage' },
  'association.field.frame': { fi: 'Muoto', en: 'Type' },
  'association.field.ytunnus': { fi: 'Y-tunnus', en: 'Business ID' },
  'association.field.registerNumber': { fi: 'Yhdistysrekisterinumero', en: 'Register number' },
  'association.field.municipalities': { fi: 'Kunnat', en: 'Municipalities' },
  'association.field.targetGroups': { fi: 'Kohderyhmät', en: 'Target groups' },
  'association.field.email': { fi: 'Sähköposti', en: 'E-mail' },
  'association.field.phone': { fi: 'Puhelin', en: 'Phone' },
  'association.field.website': { fi: 'Verkkosivut', en: 'Website' },
  'association.field.foundedYear': { fi: 'Perustamisvuosi', en: 'Founded' },
  'association.field.notes': { fi: 'Muistiinpanot', en: 'Notes' },
  'association.field.parent': { fi: 'Emojärjestö', en: 'Parent organisation' },
  'association.edit': { fi: 'Muokkaa perustietoja', en: 'Edit profile' },
  'association.editTitle': { fi: 'Muokkaa: {name}', en: 'Edit: {name}' },
  'association.field.name': { fi: 'Nimi', en: 'Name' },
  'association.field.address': { fi: 'Osoite', en: 'Address' },
  'association.listHint': { fi: 'Erota useampi pilkulla.', en: 'Separate several with commas.' },
  'association.save': { fi: 'Tallenna', en: 'Save' },
  'association.saved': { fi: 'Perustiedot tallennettu.', en: 'Profile saved.' },
  'association.conflictTheirs': { fi: 'Toisen tallentamat tiedot nyt', en: 'What the other person saved' },
  'association.conflictHelp': {
    fi: 'Lomakkeessa ovat edelleen sinun muutoksesi. Tarkista ne ja tallenna uudelleen, jos haluat korvata toisen muutokset.',
    en: 'Your changes are still in the form. Check them and save again if you want to replace the other changes.',
  },
  'association.archive': { fi: 'Merkitse lakanneeksi (arkistoi)', en: 'Mark as dissolved (archive)' },
  'association.restore': { fi: 'Palauta aktiiviseksi', en: 'Restore as active' },
  'association.archived': {
    fi: 'Yhdistys on arkistoitu {date}.',
    en: 'The association was archived on {date}.',
  },
  'association.archivedDone': { fi: 'Yhdistys arkistoitu.', en: 'Association archived.' },
  'association.restoredDone': { fi: 'Yhdistys palautettu.', en: 'Association restored.' },
  'interaction.correct': { fi: 'Korjaa', en: 'Correct' },
  'interaction.correctTitle': { fi: 'Korjaa yhteydenotto {date}', en: 'Correct the contact of {date}' },
  'interaction.save': { fi: 'Tallenna korjaus', en: 'Save correction' },
  'interaction.corrected': { fi: 'Yhteydenotto korjattu.', en: 'Contact corrected.' },
  'interaction.delete': { fi: 'Poista yhteydenotto', en: 'Delete contact' },
  'interaction.deleteHelp': {
    fi: 'Poistettu yhteydenotto katoaa aikajanalta. Poistaja ja aika jäävät talteen.',
    en: 'A deleted contact leaves the timeline. Who deleted it and when are kept.',
  },
  'interaction.deleted': { fi: 'Yhteydenotto poistettu.', en: 'Contact deleted.' },
  'interaction.correctedBy': { fi: 'korjattu {date}', en: 'corrected {date}' },
  'association.backToDirectory': { fi: 'Takaisin yhdistyksiin', en: 'Back to associations' },

  'frame.liitto': { fi: 'Liitto', en: 'Federation' },
  'frame.piiri': { fi: 'Piiri', en: 'District' },
  'frame.yhdistys': { fi: 'Yhdistys', en: 'Association' },
  'frame.paikallisosasto': { fi: 'Paikallisosasto', en: 'Local branch' },
  'frame.alaosasto': { fi: 'Alaosasto', en: 'Sub-branch' },
  'frame.kerho': { fi: 'Kerho', en: 'Club' },
  'frame.ryhma': { fi: 'Ryhmä', en: 'Group' },
  'frame.jaosto': { fi: 'Jaosto', en: 'Section' },
  'frame.toimikunta': { fi: 'Toimikunta', en: 'Committee' },
  'frame.muu': { fi: 'Muu', en: 'Other' },

  'role.chair': { fi: 'Puheenjohtaja', en: 'Chair' },
  'role.vice_chair': { fi: 'Varapuheenjohtaja', en: 'Vice chair' },
  'role.secretary': { fi: 'Sihteeri', en: 'Secretary' },
  'role.treasurer': { fi: 'Rahastonhoitaja', en: 'Treasurer' },
  'role.board_member': { fi: 'Hallituksen jäsen', en: 'Board member' },
  'role.employee': { fi: 'Työntekijä', en: 'Employee' },
  'role.volunteer': { fi: 'Vapaaehtoinen', en: 'Volunteer' },
  'role.contact': { fi: 'Yhteyshenkilö', en: 'Contact person' },
  'role.other': { fi: 'Muu', en: 'Other' },

  'kind.visit': { fi: 'Kohtaaminen', en: 'Visit' },
  'kind.call': { fi: 'Puhelu', en: 'Call' },
  'kind.workshop': { fi: 'Työpaja', en: 'Workshop' },
  'kind.event': { fi: 'Tapahtuma', en: 'Event' },
  'kind.remote_meeting': { fi: 'Etäkohtaaminen', en: 'Remote meeting' },
  'kind.email': { fi: 'Sähköposti', en: 'E-mail' },
  'kind.mass_mailing': { fi: 'Massaposti', en: 'Mass mailing' },

  'outcome.reached': { fi: 'Tavoitettu', en: 'Reached' },
  'outcome.no_answer': { fi: 'Ei vastannut', en: 'No answer' },
  'outcome.busy': { fi: 'Varattu', en: 'Busy' },
  'outcome.left_message': { fi: 'Jätetty viesti', en: 'Left a message' },
  'outcome.call_back': { fi: 'Soitetaan uudelleen', en: 'Call back' },
  'outcome.wrong_number': { fi: 'Väärä numero', en: 'Wrong number' },
  'outcome.not_interested': { fi: 'Ei kiinnostunut', en: 'Not interested' },
  'outcome.held': { fi: 'Pidetty', en: 'Held' },
  'outcome.cancelled': { fi: 'Peruttu', en: 'Cancelled' },
  'outcome.sent': { fi: 'Lähetetty', en: 'Sent' },

  'stage.not_contacted': { fi: 'Ei yhteydenottoa', en: 'Not contacted' },
  'stage.contacted': { fi: 'Yhteydessä', en: 'Contacted' },
  'stage.interested': { fi: 'Kiinnostunut', en: 'Interested' },
  'stage.onboarding': { fi: 'Tiedot pyydetty', en: 'Onboarding' },
  'stage.submitted': { fi: 'Lähetetty hyväksyttäväksi', en: 'Submitted' },
  'stage.published': { fi: 'Tarjottimella', en: 'Published' },
  'stage.declined': { fi: 'Kieltäytyi', en: 'Declined' },
  'stage.not_relevant': { fi: 'Ei koske', en: 'Not relevant' },
  'stage.dissolved': { fi: 'Lakannut', en: 'Dissolved' },

  'followUp.due': { fi: 'Määräpäivä {date}', en: 'Due {date}' },
  'followUp.overdue': { fi: 'Myöhässä', en: 'Overdue' },

  'error.notFound.title': { fi: 'Sivua ei löytynyt', en: 'Page not found' },
  'error.generic.title': { fi: 'Jokin meni vikaan', en: 'Something went wrong' },
  'error.generic.body': {
    fi: 'Pyyntöä ei voitu käsitellä. Yritä uudelleen; jos vika toistuu, ota yhteyttä ylläpitoon.',
    en: 'The request could not be handled. Try again; if it keeps failing, contact the administrator.',
  },

  // Validation messages referenced from zod schemas as `msg:<key>`.
  'msg:email.invalid': { fi: 'Tarkista sähköpostiosoite.', en: 'Please check the e-mail address.' },
  'msg:password.required': { fi: 'Salasana on pakollinen.', en: 'The password is required.' },
  'msg:password.tooLong': {
    fi: 'Salasana on liian pitkä (enintään 256 merkkiä).',
    en: 'The password is too long (at most 256 characters).',
  },
  'msg:role.invalid': { fi: 'Valitse rooli.', en: 'Choose a role.' },
  'msg:id.invalid': { fi: 'Tunniste on virheellinen.', en: 'The identifier is not valid.' },
  'msg:workspace.id': {
    fi: 'Työtilan tunnus: 2–40 merkkiä, pieniä kirjaimia a–z, numeroita ja viivoja.',
    en: 'Workspace id: 2–40 characters, lower-case letters a–z, digits and hyphens.',
  },
  'msg:name.required': { fi: 'Nimi on pakollinen.', en: 'The name is required.' },
  'msg:name.tooLong': {
    fi: 'Nimi on liian pitkä (enintään 200 merkkiä).',
    en: 'The name is too long (200 characters at most).',
  },
  'msg:ytunnus.format': {
    fi: 'Y-tunnus kirjoitetaan muodossa 1234567-8.',
    en: 'A business ID is written as 1234567-8.',
  },
  'msg:ytunnus.checksum': {
    fi: 'Y-tunnuksen tarkistusmerkki ei täsmää. Tarkista numero.',
    en: 'The business ID check digit does not match. Please check the number.',
  },
  'msg:registerNumber.format': {
    fi: 'Yhdistysrekisterinumero kirjoitetaan muodossa 123.456.',
    en: 'An association register number is written as 123.456.',
  },
  'msg:frame.unknown': {
    fi: 'Tuntematon muoto. Valitse liitto, piiri, yhdistys, paikallisosasto, alaosasto, kerho, ryhmä, jaosto, toimikunta tai muu.',
    en: 'Unknown type. Choose federation, district, association, local branch, sub-branch, club, group, section, committee or other.',
  },
  'msg:municipality.required': {
    fi: 'Valitse vähintään yksi kunta.',
    en: 'Choose at least one municipality.',
  },
  'msg:date.format': { fi: 'Päivämäärä muodossa vvvv-kk-pp.', en: 'Date as yyyy-mm-dd.' },
  'msg:date.past': {
    fi: 'Määräpäivä ei voi olla menneisyydessä.',
    en: 'The due date cannot be in the past.',
  },
  'msg:foundedYear.range': {
    fi: 'Perustamisvuosi on vuosien 1800 ja tämän vuoden välillä.',
    en: 'The founding year is between 1800 and this year.',
  },
  'msg:outcome.kind': {
    fi: 'Tämä lopputulos ei sovi valitulle yhteydenoton tyypille.',
    en: 'This outcome does not fit the chosen kind of contact.',
  },
  'msg:stage.unknown': { fi: 'Tuntematon tarjotinvaihe.', en: 'Unknown tarjotin stage.' },
  'msg:stage.same': {
    fi: 'Yhdistys on jo tässä vaiheessa.',
    en: 'The association is already in this stage.',
  },
  'msg:stage.inUse': {
    fi: 'Vaiheessa {stage} on vielä yhdistyksiä. Siirrä ne ensin toiseen vaiheeseen.',
    en: 'Stage {stage} still has associations. Move them to another stage first.',
  },
  'msg:staleDays.range': {
    fi: 'Anna päivien määrä väliltä 1–3650.',
    en: 'Give a number of days from 1 to 3650.',
  },
  'msg:cursor.invalid': {
    fi: 'Sivutuslinkki on vanhentunut tai virheellinen. Aloita ensimmäiseltä sivulta.',
    en: 'The paging link is out of date or not valid. Start from the first page.',
  },
  'msg:followUp.notOpen': {
    fi: 'Jatkotoimenpide on jo tehty tai peruttu.',
    en: 'The follow-up has already been completed or cancelled.',
  },
  'msg:followUp.otherAssociation': {
    fi: 'Jatkotoimenpide kuuluu toiselle yhdistykselle.',
    en: 'The follow-up belongs to another association.',
  },
} satisfies Record<string, Localised>;

export type MessageKey = keyof typeof messages;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** Translate a catalogue key; `{name}` placeholders are replaced from `params`. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function localised(key: MessageKey, params: Record<string, string | number> = {}): Localised {
  return { fi: t('fi', key, params), en: t('en', key, params) };
}

export function parseLocale(value: string | null | undefined): Locale | undefined {
  return value === 'fi' || value === 'en' ? value : undefined;
}
