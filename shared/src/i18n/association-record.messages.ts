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
  'msg:owner.unknown': {
    fi: 'Valitse vastuuhenkilöksi työtilan henkilökuntaan kuuluva.',
    en: 'Choose a staff member of this workspace as the owner.',
  },
} as const;
