// Messages of the daily loop: actions on many tasks at once from "My tasks".
export const dailyLoopMessages = {
  'timeline.loggedBy': { fi: 'kirjasi {name}', en: 'logged by {name}' },
  'timeline.met': { fi: 'Tavatut', en: 'Met' },
  'followUp.nextTask': {
    fi: 'Seuraava tehtävä: {name} · {title} ({date}) →',
    en: 'Next task: {name} · {title} ({date}) →',
  },
  'bulk.legend': { fi: 'Valituille tehtäville', en: 'For the chosen tasks' },
  'bulk.choose': { fi: 'Valitse: {task}', en: 'Choose: {task}' },
  'bulk.chooseAll': { fi: 'Valitse kaikki ryhmästä {group}', en: 'Choose all in {group}' },
  'bulk.hint': {
    fi: 'Valitse tehtävät listan valintaruuduista ja sitten, mitä niille tehdään.',
    en: 'Choose tasks with the boxes in the list, then what to do with them.',
  },
  'bulk.due': { fi: 'Uusi määräpäivä', en: 'New due date' },
  'bulk.reschedule': { fi: 'Siirrä päivälle', en: 'Move to the date' },
  'bulk.snoozeLabel': { fi: 'Torkuta', en: 'Snooze' },
  'bulk.snooze': { fi: 'Torkuta', en: 'Snooze' },
  'bulk.snooze.tomorrow': { fi: 'huomiseen', en: 'to tomorrow' },
  'bulk.snooze.nextMonday': { fi: 'ensi maanantaihin', en: 'to next Monday' },
  'bulk.snooze.week': { fi: 'viikolla', en: 'by a week' },
  'bulk.assignee': { fi: 'Anna tehtäväksi', en: 'Give to' },
  'bulk.reassign': { fi: 'Anna', en: 'Give' },
  'bulk.complete': { fi: 'Merkitse tehdyiksi', en: 'Mark done' },
  'bulk.result': {
    fi: 'Tehty: {done}. Jo valmiiksi niin: {unchanged}. Muuttunut sillä välin: {conflict}. Ei onnistunut: {failed}.',
    en: 'Done: {done}. Already so: {unchanged}. Changed meanwhile: {conflict}. Not possible: {failed}.',
  },
  'bulk.conflictHelp': {
    fi: 'Joku muu muutti näitä tehtäviä sillä välin; niihin ei koskettu. Katso ne listasta ja valitse uudelleen:',
    en: 'Someone else changed these tasks meanwhile; they were left as they are. Check them in the list and choose again:',
  },
  'bulk.failedHelp': { fi: 'Nämä eivät onnistuneet:', en: 'These could not be done:' },
  'msg:bulk.badTask': { fi: 'Valittua tehtävää ei tunnistettu.', en: 'A chosen task was not recognised.' },
  'msg:bulk.noneChosen': {
    fi: 'Valitse ensin vähintään yksi tehtävä listasta.',
    en: 'First choose at least one task in the list.',
  },
  'msg:bulk.tooMany': {
    fi: 'Valitse kerralla enintään 100 tehtävää.',
    en: 'Choose at most 100 tasks at a time.',
  },
  'msg:bulk.badAction': { fi: 'Valitse, mitä tehtäville tehdään.', en: 'Choose what to do with the tasks.' },
  'msg:bulk.dueRequired': {
    fi: 'Valitse päivä, jolle tehtävät siirretään.',
    en: 'Choose the date to move the tasks to.',
  },
  'msg:bulk.snoozeRequired': {
    fi: 'Valitse, mihin asti tehtäviä torkutetaan.',
    en: 'Choose how long to snooze the tasks.',
  },
  'msg:bulk.assigneeRequired': {
    fi: 'Valitse, kenelle tehtävät annetaan.',
    en: 'Choose who gets the tasks.',
  },
} as const;
