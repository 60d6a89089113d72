// Texts of creating and keeping association records by hand: the new-association form, its
// duplicate warning, the owner and the public description of activities.
export const associationRecordMessages = {
  'association.new': { fi: 'Uusi yhdistys', en: 'New association' },
  'association.newTitle': { fi: 'Lisää uusi yhdistys', en: 'Add a new association' },
  'association.newIntro': {
    fi: 'Täytä ainakin nimi ja kunta. Muut tiedot voi lisätä myöhemmin. Ennen tallennusta tarkistetaan, onko yhdistys jo Kohtaamossa.',
    en: 'Fill in at least the name and the municipality; the rest can be added later. Before saving, Kohtaamo checks whether the association is already here.',
  },
  'association.create': { fi: 'Tallenna yhdistys', en: 'Save the association' },
  'association.created': { fi: 'Yhdistys on lisätty.', en: 'The association was added.' },
  'association.logNext': {
    fi: 'Kirjaa yhteydenotto heti tallennuksen jälkeen',
    en: 'Log a contact right after saving',
  },
  'association.field.description': { fi: 'Toiminnan kuvaus', en: 'Description of activities' },
  'association.field.descriptionHint': {
    fi: 'Julkinen: yhdistyksen oma kuvaus toiminnastaan. Sisäiset asiat kuuluvat muistiinpanoihin.',
    en: 'Public: what the association does, in its own words. Internal matters belong in the notes.',
  },
  'association.field.notesHint': {
    fi: 'Vain henkilökunnalle, ei koskaan näy yhdistykselle.',
    en: 'For the staff only, never shown to the association.',
  },
  'association.field.owner': { fi: 'Vastuuhenkilö', en: 'Owner' },
  'association.field.ownerNone': { fi: 'Ei vastuuhenkilöä', en: 'No owner' },
  'association.field.startStage': { fi: 'Tarjotinvaihe alussa', en: 'Tarjotin stage to start in' },
  'association.field.startStageHint': {
    fi: 'Aloitusvaihetta ei lasketa raportissa siirtymäksi eikä tarjottimelle pääsyksi.',
    en: 'The starting stage is not counted in the report as a move or as reaching tarjotin.',
  },
  'association.field.municipalitiesHint': {
    fi: 'Erota useampi pilkulla, esim. Kuopio, Siilinjärvi.',
    en: 'Separate several with commas, e.g. Kuopio, Siilinjärvi.',
  },
  'association.field.targetGroupsHint': {
    fi: 'Erota useampi pilkulla, esim. ikäihmiset, omaishoitajat.',
    en: 'Separate several with commas, e.g. older people, family carers.',
  },
  'association.duplicates.title': {
    fi: 'Onko tämä yhdistys jo Kohtaamossa?',
    en: 'Is this association already in Kohtaamo?',
  },
  'association.duplicates.intro': {
    fi: 'Löytyi samankaltainen yhdistys. Avaa olemassa oleva, jos se on sama, tai tallenna silti uutena.',
    en: 'A similar association was found. Open the existing one if it is the same, or save this one as new anyway.',
  },
  'association.duplicates.reason.ytunnus': { fi: 'sama Y-tunnus', en: 'same Business ID' },
  'association.duplicates.reason.registerNumber': {
    fi: 'sama yhdistysrekisterinumero',
    en: 'same register number',
  },
  'association.duplicates.reason.name': {
    fi: 'samankaltainen nimi samassa kunnassa',
    en: 'similar name in the same municipality',
  },
  'association.duplicates.archived': { fi: 'arkistoitu', en: 'archived' },
  'association.duplicates.orAnyway': {
    fi: 'Jos se on eri yhdistys, tarkista tiedot alla ja valitse ”Tallenna silti uutena”.',
    en: 'If it is a different association, check the details below and choose “Save as new anyway”.',
  },
  'association.duplicates.createAnyway': { fi: 'Tallenna silti uutena', en: 'Save as new anyway' },
  'directory.addNamed': { fi: 'Lisää ”{name}” uutena yhdistyksenä', en: 'Add “{name}” as a new association' },
  'association.archiveConfirmTitle': {
    fi: 'Merkitäänkö yhdistys lakanneeksi?',
    en: 'Mark the association as dissolved?',
  },
  'association.archiveConfirmHelp': {
    fi: 'Lakannut yhdistys arkistoidaan: se poistuu hakemiston oletusnäkymästä, mutta sen yhteydenotot ja historia säilyvät, ja sen voi palauttaa.',
    en: 'A dissolved association is archived: it leaves the directory’s default view, its contacts and history are kept, and it can be restored.',
  },
  'association.archiveMovesStage': {
    fi: 'Tarjotinvaihe siirtyy vaiheeseen ”{stage}”.',
    en: 'Its tarjotin stage moves to “{stage}”.',
  },
  'association.archiveConfirm': { fi: 'Kyllä, merkitse lakanneeksi', en: 'Yes, mark as dissolved' },
  'association.restoreHelp': {
    fi: 'Palauttaminen ei muuta tarjotinvaihetta: siirrä vaihe tarvittaessa itse.',
    en: 'Restoring does not change the tarjotin stage: move it yourself if needed.',
  },
  'setup.workspaceName': { fi: 'Keskuksen nimi', en: 'Name of the centre' },
  'setup.workspaceNameHint': {
    fi: 'Näkyy kutsuissa, muistutuksissa ja luovutuspaketissa, esim. ”Pohjois-Savon järjestöpalvelut”. Voit muuttaa sitä myöhemmin asetuksissa.',
    en: 'Shown in invitations, reminders and the handover package, e.g. “North Savo association services”. You can change it later in the settings.',
  },
  'settings.workspaceName': { fi: 'Työtilan nimi', en: 'Name of the workspace' },
  'settings.workspaceNameSave': { fi: 'Tallenna nimi', en: 'Save the name' },
  'settings.workspaceNameSaved': { fi: 'Työtilan nimi tallennettu.', en: 'The workspace name was saved.' },
  'account.nameTitle': { fi: 'Nimesi', en: 'Your name' },
  'account.nameHint': {
    fi: 'Näkyy työkavereille jäsenlistoissa ja tehtävissä kaikissa työtiloissasi.',
    en: 'Shown to your colleagues in member lists and tasks, in every workspace of yours.',
  },
  'account.nameSave': { fi: 'Tallenna nimi', en: 'Save the name' },
  'account.nameSaved': { fi: 'Nimesi on tallennettu.', en: 'Your name was saved.' },
  'account.passwordTitle': { fi: 'Vaihda salasana', en: 'Change your password' },
  'account.currentPassword': { fi: 'Nykyinen salasana', en: 'Current password' },
  'account.passwordHint': {
    fi: 'Vaihto kirjaa sinut ulos kaikilta muilta laitteilta, ja saat siitä ilmoituksen sähköpostiisi.',
    en: 'Changing it logs you out on every other device, and you get a notice by e-mail.',
  },
  'account.passwordSave': { fi: 'Vaihda salasana', en: 'Change the password' },
  'account.passwordChanged': {
    fi: 'Salasana vaihdettu. Muut istuntosi on päätetty.',
    en: 'Password changed. Your other sessions were ended.',
  },
  'msg:password.currentWrong': {
    fi: 'Nykyinen salasana ei ole oikein.',
    en: 'The current password is not right.',
  },
  'msg:invitation.unknown': {
    fi: 'Kutsua ei löytynyt.',
    en: 'Invitation not found.',
  },
  'users.pendingTitle': { fi: 'Odottavat kutsut', en: 'Pending invitations' },
  'users.pendingNone': { fi: 'Ei odottavia kutsuja.', en: 'No pending invitations.' },
  'users.pendingExpires': { fi: 'voimassa {date} asti', en: 'valid until {date}' },
  'users.resend': { fi: 'Lähetä uudelleen', en: 'Send again' },
  'users.revoke': { fi: 'Peru kutsu', en: 'Revoke' },
  'users.revoked': {
    fi: 'Kutsu peruttu: sen linkki ei enää toimi.',
    en: 'Invitation revoked: its link no longer works.',
  },
  'task.new': { fi: 'Uusi tehtävä', en: 'New task' },
  'task.team': { fi: 'Tiimi (kuka tahansa henkilökunnasta)', en: 'Team (anyone of the staff)' },
  'task.title': { fi: 'Mitä pitää tehdä', en: 'What needs doing' },
  'task.due': { fi: 'Määräpäivä', en: 'Due date' },
  'task.create': { fi: 'Lisää tehtävä', en: 'Add the task' },
  'task.created': { fi: 'Tehtävä lisätty.', en: 'Task added.' },
  'task.edit': { fi: 'Muokkaa', en: 'Edit' },
  'task.editTitle': { fi: 'Muokkaa tehtävää', en: 'Edit the task' },
  'task.save': { fi: 'Tallenna muutokset', en: 'Save the changes' },
  'task.saved': { fi: 'Tehtävä tallennettu.', en: 'Task saved.' },
  'task.cancel': { fi: 'Peru tehtävä', en: 'Cancel the task' },
  'task.cancelHelp': {
    fi: 'Peru tehtävä, joka tehtiin vahingossa tai jota ei enää tarvita. Peruttu tehtävä jää talteen, mutta se ei näy listoissa eikä raporteissa.',
    en: 'Cancel a task made by mistake or no longer needed. A cancelled task is kept as a record but is left out of every list and report.',
  },
  'task.cancelConfirm': { fi: 'Kyllä, peru tämä tehtävä', en: 'Yes, cancel this task' },
  'task.cancelled': { fi: 'Tehtävä peruttu.', en: 'Task cancelled.' },
  'msg:task.titleRequired': {
    fi: 'Kirjoita, mitä pitää tehdä.',
    en: 'Write what needs doing.',
  },
  'msg:owner.unknown': {
    fi: 'Valitse vastuuhenkilöksi työtilan henkilökuntaan kuuluva.',
    en: 'Choose a staff member of this workspace as the owner.',
  },
} as const;
