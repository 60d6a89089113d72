// Texts of the check an uploaded spreadsheet goes through before its columns are shown (it is read
// once, in the background), merged into the catalogue.
export const importCheckMessages = {
  'importCheck.title': { fi: 'Tiedoston tarkistus', en: 'Checking the file' },
  'importCheck.received': {
    fi: 'Tiedosto on vastaanotettu. Seuraavaksi se luetaan ja tarkistetaan.',
    en: 'The file has been received. Next it is read and checked.',
  },
  'importCheck.check': { fi: 'Tarkista tiedosto', en: 'Check the file' },
  'importCheck.checking': { fi: 'Tarkistetaan tiedostoa…', en: 'Checking the file…' },
  'importCheck.progressLabel': { fi: 'Tarkistuksen eteneminen', en: 'Progress of the check' },
  'importCheck.limits': {
    fi: 'Tiedostosta luetaan enintään {rows} riviä ja {columns} saraketta, ja solussa saa olla enintään {chars} merkkiä.',
    en: 'At most {rows} rows and {columns} columns are read, with at most {chars} characters in a cell.',
  },
} as const;
