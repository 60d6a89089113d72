// Texts of input refused before any work: a request the forms and links of the app never make
// (a hand-edited address, a broken form), merged into the catalogue in messages.ts.
export const inputMessages = {
  'input.reportPeriod': {
    fi: 'Raportin jaksoa ei voi näyttää: {reason}',
    en: 'The report period cannot be shown: {reason}',
  },
} as const;
