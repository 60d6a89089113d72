// Texts of the input rules every form and import shares (plausible dates, people met) and of
// input refused before any work: a request the forms and links of the app never make (a
// hand-edited address, a broken form). Merged into the catalogue in messages.ts.
export const inputMessages = {
  'msg:date.contactRange': {
    fi: 'Yhteydenoton päivä voi olla aikaisintaan 1.1.1990 ja viimeistään huomenna.',
    en: 'A contact can be dated from 1 Jan 1990 to tomorrow.',
  },
  'msg:date.dueRange': {
    fi: 'Määräpäivä voi olla enintään viiden vuoden päässä.',
    en: 'The due date can be at most five years ahead.',
  },
  'msg:date.range': {
    fi: 'Päivämäärä voi olla vuodesta 1900 enintään kymmenen vuoden päähän.',
    en: 'The date can be from 1900 to at most ten years ahead.',
  },
  'msg:personIds.notMember': {
    fi: 'Tavattu henkilö ei ole eikä ole ollut tämän yhdistyksen jäsen.',
    en: 'A person met is not and has not been a member of this association.',
  },
  'input.reportPeriod': {
    fi: 'Raportin jaksoa ei voi näyttää: {reason}',
    en: 'The report period cannot be shown: {reason}',
  },
} as const;
