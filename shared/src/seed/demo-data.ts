// Realistic fake data for a North Savo support centre: associations with Finnish names (å, ä, ö),
// people and their roles, a year of contacts, follow-ups and tarjotin stages, and a year of events
// with registrations, attendance and feedback. Pure and seeded:
// the same seed, scale and date give the same data.
import type { Association, AssociationFrame } from '../association/association.schema';
import { northSavoMunicipalities } from '../association/association.schema';
import type { FollowUp } from '../follow-up/follow-up.schema';
import { nextDue } from '../follow-up/follow-up';
import type { Interaction, InteractionKind } from '../interaction/interaction.schema';
import { INTERACTION_SCHEMA_VERSION, outcomesByKind } from '../interaction/interaction.schema';
import {
  MEMBERSHIP_SCHEMA_VERSION,
  type Membership,
  type MembershipRole,
  type Person,
} from '../person/person.schema';
import type { PipelineStage, StageChange } from '../pipeline/pipeline.schema';
import { tidyName } from '../text/finnish-collation';
import { addDays, helsinkiDate } from '../time/helsinki';
import { ulidAt } from './ulid-at';
import { eventInstant, eventInteractionId } from '../event/event';
import {
  defaultLikertQuestions,
  defaultOpenQuestions,
  EVENT_SCHEMA_VERSION,
  FEEDBACK_SCHEMA_VERSION,
  REGISTRATION_SCHEMA_VERSION,
  type Event,
  type EventKind,
  type Feedback,
  type LikertValue,
  type Registration,
} from '../event/event.schema';
import { FOLLOW_UP_SCHEMA_VERSION } from '../follow-up/follow-up.schema';
import { STAGE_CHANGE_SCHEMA_VERSION } from '../pipeline/pipeline.schema';
import { seededRandom, type Random } from './random';

export const ASSOCIATIONS_PER_SCALE = 527;

const DAY = 24 * 60 * 60 * 1000;

const genitives: Record<string, string> = {
  Iisalmi: 'Iisalmen',
  Joroinen: 'Joroisten',
  Kaavi: 'Kaavin',
  Keitele: 'Keiteleen',
  Kiuruvesi: 'Kiuruveden',
  Kuopio: 'Kuopion',
  Lapinlahti: 'Lapinlahden',
  Leppävirta: 'Leppävirran',
  Pielavesi: 'Pielaveden',
  Rautalampi: 'Rautalammin',
  Rautavaara: 'Rautavaaran',
  Siilinjärvi: 'Siilinjärven',
  Sonkajärvi: 'Sonkajärven',
  Suonenjoki: 'Suonenjoen',
  Tervo: 'Tervon',
  Tuusniemi: 'Tuusniemen',
  Varkaus: 'Varkauden',
  Vesanto: 'Vesannon',
  Vieremä: 'Vieremän',
};

const nameCores: { core: string; frame: AssociationFrame; groups: string[] }[] = [
  { core: 'Sydänyhdistys ry', frame: 'yhdistys', groups: ['sydänsairaat'] },
  { core: 'Diabetesyhdistys ry', frame: 'yhdistys', groups: ['diabeetikot'] },
  { core: 'Hengitysyhdistys ry', frame: 'yhdistys', groups: ['hengityssairaat'] },
  { core: 'Mielenterveysseura ry', frame: 'yhdistys', groups: ['mielenterveyskuntoutujat'] },
  { core: 'Omaishoitajat ry', frame: 'paikallisosasto', groups: ['omaishoitajat'] },
  { core: 'Eläkeläiset ry', frame: 'yhdistys', groups: ['ikääntyneet'] },
  { core: 'Eläkkeensaajat ry', frame: 'paikallisosasto', groups: ['ikääntyneet'] },
  { core: 'Invalidit ry', frame: 'yhdistys', groups: ['liikuntarajoitteiset'] },
  { core: 'Kuuloyhdistys ry', frame: 'yhdistys', groups: ['kuulovammaiset'] },
  { core: 'Näkövammaiset ry', frame: 'yhdistys', groups: ['näkövammaiset'] },
  { core: 'Muistiyhdistys ry', frame: 'yhdistys', groups: ['muistisairaat', 'omaiset'] },
  { core: 'Reumayhdistys ry', frame: 'yhdistys', groups: ['reumaatikot'] },
  { core: 'Syöpäyhdistyksen alaosasto', frame: 'alaosasto', groups: ['syöpään sairastuneet'] },
  {
    core: 'Mannerheimin Lastensuojeluliiton paikallisyhdistys',
    frame: 'paikallisosasto',
    groups: ['lapsiperheet'],
  },
  { core: 'Perhekerho', frame: 'kerho', groups: ['lapsiperheet'] },
  { core: 'Nuorisoseura ry', frame: 'yhdistys', groups: ['nuoret'] },
  { core: 'Vertaistukiryhmä', frame: 'ryhma', groups: ['omaiset'] },
  { core: 'Kyläyhdistys ry', frame: 'yhdistys', groups: ['kyläläiset'] },
  { core: 'Martat ry', frame: 'yhdistys', groups: ['kaikenikäiset'] },
  { core: 'Päihdetyön Tuki ry', frame: 'yhdistys', groups: ['päihdekuntoutujat'] },
  { core: 'Sotaveteraanit ry', frame: 'yhdistys', groups: ['veteraanit'] },
  { core: 'Työttömät ry', frame: 'yhdistys', groups: ['työttömät'] },
  { core: 'Allergia- ja astmayhdistys ry', frame: 'yhdistys', groups: ['allergikot'] },
  { core: 'Liikuntajaosto', frame: 'jaosto', groups: ['kaikenikäiset'] },
  { core: 'Vammaisneuvosto-toimikunta', frame: 'toimikunta', groups: ['vammaiset'] },
];

const standaloneNames = [
  'Åbo Akademin Savon alumnit',
  'Ålands-Savo-seura ry',
  'Äänekosken–Savon Ystävät ry',
  'Äitien Vertaisryhmä',
  'Öljymäen Kyläyhdistys ry',
  'Örnin Nuorisokerho',
  'Ääneen Lukijat ry',
  'Åkerlundin Muistokerho',
];

const regionalNames: { name: string; frame: AssociationFrame }[] = [
  { name: 'Pohjois-Savon Sydänpiiri ry', frame: 'piiri' },
  { name: 'Pohjois-Savon Diabetesliitto ry', frame: 'liitto' },
  { name: 'Pohjois-Savon Omaishoitajien Liitto ry', frame: 'liitto' },
  { name: 'Itä-Suomen Eläkeläispiiri ry', frame: 'piiri' },
  { name: 'Savon Mielenterveysliitto ry', frame: 'liitto' },
  { name: 'Pohjois-Savon Kylät ry', frame: 'liitto' },
];

const firstNames = [
  'Aino',
  'Anna',
  'Eeva',
  'Helena',
  'Johanna',
  'Kaija',
  'Leena',
  'Marja',
  'Päivi',
  'Riitta',
  'Sari',
  'Tuula',
  'Ulla',
  'Äini',
  'Ilona',
  'Jussi',
  'Kari',
  'Matti',
  'Pekka',
  'Timo',
  'Juha',
  'Mikko',
  'Jari',
  'Heikki',
  'Väinö',
  'Ölli',
  'Åke',
  'Seppo',
  'Pertti',
  'Raimo',
  'Tapio',
  'Veli',
];
const lastNames = [
  'Heiskanen',
  'Hyvönen',
  'Häkkinen',
  'Kärkkäinen',
  'Korhonen',
  'Kettunen',
  'Miettinen',
  'Mäkinen',
  'Nieminen',
  'Pitkänen',
  'Räsänen',
  'Savolainen',
  'Tikkanen',
  'Väisänen',
  'Öhman',
  'Åström',
  'Hämäläinen',
  'Ruotsalainen',
  'Turunen',
  'Jääskeläinen',
  'Kokkonen',
  'Laitinen',
  'Rissanen',
  'Pölönen',
  'Kumpulainen',
];

const topics = [
  'hyvinvointitarjotin',
  'jäsenhankinta',
  'avustukset',
  'vapaaehtoistoiminta',
  'hallitustyö',
  'viestintä',
  'tietosuoja',
  'tapahtumat',
  'yhteistyö kunnan kanssa',
  'hyvinvointialue',
];

const notesByKind: Record<InteractionKind, string[]> = {
  visit: [
    'Vierailtiin hallituksen kokouksessa ja esiteltiin hyvinvointitarjotin.',
    'Käytiin läpi yhdistyksen toimintasuunnitelma ja avustushaku.',
  ],
  call: [
    'Soitettiin joukkopostituksen jälkeen, kysyttiin kiinnostusta tarjottimeen.',
    'Puheenjohtaja lupasi viedä asian hallitukselle.',
    'Sovittiin uusi soittoaika.',
  ],
  workshop: ['Kahden tunnin työpaja viestinnästä, 12 osallistujaa.', 'Tietosuojatyöpaja hallitukselle.'],
  event: ['Yhdistysilta kirjastolla.', 'Alueellinen yhdistysfoorumi.'],
  remote_meeting: ['Teams-tapaaminen sihteerin kanssa, käytiin läpi tarjottimen lomake.'],
  email: ['Lähetettiin ohjeet tarjottimen täyttämiseen.'],
  mass_mailing: ['Syystiedote kaikille yhdistyksille.'],
};

const kindWeights: [InteractionKind, number][] = [
  ['call', 40],
  ['email', 20],
  ['visit', 12],
  ['remote_meeting', 10],
  ['mass_mailing', 8],
  ['workshop', 6],
  ['event', 4],
];

const roles: MembershipRole[] = ['chair', 'vice_chair', 'secretary', 'treasurer', 'board_member', 'contact'];

export interface DemoData {
  associations: Association[];
  people: Person[];
  memberships: Membership[];
  interactions: Interaction[];
  followUps: FollowUp[];
  stageChanges: StageChange[];
  events: Event[];
  registrations: Registration[];
  feedback: Feedback[];
}

export interface DemoOptions {
  workspaceId: string;
  stages: readonly PipelineStage[];
  staffIds: readonly string[];
  scale: number;
  seed: number;
  now: Date;
}

function weightedKind(random: Random): InteractionKind {
  const total = kindWeights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [kind, weight] of kindWeights) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'call';
}

/** Villages and city districts of North Savo (genitive), for local associations' names. */
const localities = [
  'Karttulan',
  'Vehmersalmen',
  'Nilsiän',
  'Juankosken',
  'Maaningan',
  'Riistaveden',
  'Kasurilan',
  'Runnin',
  'Kangaslammen',
  'Jännevirran',
  'Kortejoen',
  'Toivalan',
  'Alapitkän',
  'Haapamäen',
  'Kangaslahden',
  'Kuuslahden',
  'Pajujärven',
  'Salahmen',
  'Hirvilahden',
  'Tahkovuoren',
  'Kurkimäen',
  'Lamperilan',
  'Jynkän',
  'Neulamäen',
  'Puijonlaakson',
  'Petosen',
  'Pitkälahden',
  'Räsälän',
  'Säyneisen',
  'Ylösjoen',
  'Väärnin',
  'Ahkiolahden',
  'Harjamäen',
  'Mäntyrinteen',
  'Ämmäkosken',
  'Öllölän',
  'Äijälänsalmen',
];

type NamedAssociation = { name: string; frame: AssociationFrame; groups: string[]; municipality: string };

function associationNames(random: Random, count: number): NamedAssociation[] {
  const result: NamedAssociation[] = [];
  const used = new Set<string>();
  const add = (entry: NamedAssociation) => {
    used.add(entry.name);
    result.push(entry);
  };
  for (const regional of regionalNames) add({ ...regional, groups: ['yhdistykset'], municipality: 'Kuopio' });
  for (const name of standaloneNames) {
    add({
      name,
      frame: 'yhdistys',
      groups: ['kaikenikäiset'],
      municipality: random.pick(northSavoMunicipalities),
    });
  }
  // Local names from municipality or locality + a typical core; once the combinations run out
  // (only at large scales), a running number keeps names unique.
  const places = [
    ...Object.keys(genitives).map((m) => ({ genitive: genitives[m] as string, municipality: m })),
    ...localities.map((genitive) => ({ genitive, municipality: '' })),
  ];
  let attempts = 0;
  while (result.length < count) {
    attempts++;
    const place = random.pick(places);
    const municipality = place.municipality || random.pick(northSavoMunicipalities);
    const core = random.pick(nameCores);
    const seudun = random.chance(0.2) ? ' Seudun' : '';
    let name = tidyName(`${place.genitive}${seudun} ${core.core}`);
    if (used.has(name)) {
      if (attempts < count * 20) continue;
      name = `${name} (${used.size + 1})`;
    }
    add({ name, frame: core.frame, groups: core.groups, municipality });
  }
  return result.slice(0, count);
}

export function generateDemoData(options: DemoOptions): DemoData {
  const random = seededRandom(options.seed);
  const nowMs = options.now.getTime();
  const yearAgo = nowMs - 365 * DAY;
  const count = Math.max(1, Math.round(ASSOCIATIONS_PER_SCALE * options.scale));
  const mainStages = options.stages.filter((s) => s.kind === 'main').map((s) => s.code);
  const exitStages = options.stages.filter((s) => s.kind === 'exit').map((s) => s.code);
  const data: DemoData = {
    associations: [],
    people: [],
    memberships: [],
    interactions: [],
    followUps: [],
    stageChanges: [],
    events: [],
    registrations: [],
    feedback: [],
  };
  const at = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
  const regional: string[] = [];

  for (const entry of associationNames(random, count)) {
    const createdMs = yearAgo - random.int(1, 200) * DAY;
    const id = ulidAt(createdMs, random);
    const creator = random.pick(options.staffIds);
    const isRegional = entry.frame === 'liitto' || entry.frame === 'piiri';
    const municipalities = [
      ...new Set(
        random.chance(0.15)
          ? [entry.municipality, random.pick(northSavoMunicipalities)]
          : [entry.municipality],
      ),
    ];

    // Stage history: along the main path, sometimes out through an exit.
    const changes: StageChange[] = [
      {
        sv: STAGE_CHANGE_SCHEMA_VERSION,
        associationId: id,
        seq: 1,
        from: null,
        to: mainStages[0] ?? 'not_contacted',
        at: at(createdMs),
        by: creator,
      },
    ];
    const steps = random.int(0, mainStages.length - 1);
    let stageMs = Math.max(createdMs, yearAgo);
    for (let step = 1; step <= steps; step++) {
      stageMs += random.int(5, 60) * DAY;
      if (stageMs > nowMs) break;
      const previous = changes.at(-1) as StageChange;
      changes.push({
        sv: STAGE_CHANGE_SCHEMA_VERSION,
        associationId: id,
        seq: step + 1,
        from: previous.to,
        to: mainStages[step] as string,
        at: at(stageMs),
        by: random.pick(options.staffIds),
      });
    }
    if (exitStages.length > 0 && random.chance(0.06)) {
      const previous = changes.at(-1) as StageChange;
      const exitMs = Math.min(nowMs - DAY, stageMs + random.int(5, 60) * DAY);
      changes.push({
        sv: STAGE_CHANGE_SCHEMA_VERSION,
        associationId: id,
        seq: previous.seq + 1,
        from: previous.to,
        to: random.pick(exitStages),
        at: at(exitMs),
        by: random.pick(options.staffIds),
      });
    }
    const latest = changes.at(-1) as StageChange;
    data.stageChanges.push(...changes);

    // People and their roles.
    const members: { person: Person; role: MembershipRole }[] = [];
    const peopleCount = random.int(3, 8);
    for (let p = 0; p < peopleCount; p++) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      const personMs = createdMs + random.int(0, 100) * 60_000;
      const person: Person = {
        sv: 1,
        id: ulidAt(personMs, random),
        workspaceId: options.workspaceId,
        name: `${first} ${last}`,
        email: `${first}.${last}.${data.people.length}@demo.invalid`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        phone: `040 ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        objected: random.chance(0.01),
        lawfulBasis: 'Oikeutettu etu: yhdistyksen yhteyshenkilö',
        version: 1,
        createdAt: at(personMs),
        updatedAt: at(personMs),
      };
      data.people.push(person);
      members.push({ person, role: p < roles.length ? (roles[p] as MembershipRole) : 'board_member' });
    }
    // Some people also sit in a regional association.
    if (regional.length > 0 && random.chance(0.1)) {
      const person = members[0]?.person;
      if (person)
        data.memberships.push({
          sv: MEMBERSHIP_SCHEMA_VERSION,
          id: person.id,
          associationId: random.pick(regional),
          personId: person.id,
          role: 'board_member',
          personName: person.name,
          associationName: '',
          createdAt: person.createdAt,
        });
    }
    for (const { person, role } of members) {
      data.memberships.push({
        sv: MEMBERSHIP_SCHEMA_VERSION,
        id: person.id,
        associationId: id,
        personId: person.id,
        role,
        personName: person.name,
        associationName: entry.name,
        startDate: helsinkiDate(new Date(createdMs)),
        createdAt: person.createdAt,
      });
    }

    // A year of contacts, ~9.5 per association (5,000 for 527).
    const interactions: Interaction[] = [];
    const interactionCount = random.int(4, 15);
    for (let n = 0; n < interactionCount; n++) {
      const occurredMs = yearAgo + random.next() * (nowMs - yearAgo - 60 * 60 * 1000);
      const kind = weightedKind(random);
      const met = members.filter(() => random.chance(0.3)).map((m) => m.person.id);
      const interaction: Interaction = {
        sv: INTERACTION_SCHEMA_VERSION,
        id: ulidAt(occurredMs, random),
        workspaceId: options.workspaceId,
        associationId: id,
        kind,
        occurredAt: at(occurredMs),
        ...(kind === 'visit' || kind === 'workshop' ? { durationMinutes: random.pick([60, 90, 120]) } : {}),
        personIds: kind === 'mass_mailing' ? [] : met,
        topics: [random.pick(topics), ...(random.chance(0.3) ? [random.pick(topics)] : [])].filter(
          (t, i, all) => all.indexOf(t) === i,
        ),
        outcome: random.pick(outcomesByKind[kind]),
        notes: random.pick(notesByKind[kind]),
        staffId: random.pick(options.staffIds),
        version: 1,
        createdAt: at(occurredMs),
      };
      interactions.push(interaction);
    }
    interactions.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    data.interactions.push(...interactions);

    // Follow-ups from some contacts: older ones mostly done, the rest open (some overdue).
    const followUps: FollowUp[] = [];
    for (const interaction of interactions) {
      if (!random.chance(0.3)) continue;
      const fromDate = helsinkiDate(new Date(interaction.occurredAt));
      // About one in seven is the year-end revisit: "what happened after the meeting?"
      const revisit = random.chance(0.15);
      const due = revisit ? `${fromDate.slice(0, 4)}-12-31` : addDays(fromDate, random.pick([7, 14, 30, 60]));
      const dueMs = Date.parse(`${due}T12:00:00Z`);
      const done = dueMs < nowMs - 14 * DAY ? random.chance(0.85) : random.chance(0.1);
      followUps.push({
        sv: FOLLOW_UP_SCHEMA_VERSION,
        id: interaction.id,
        workspaceId: options.workspaceId,
        associationId: id,
        due,
        assigneeId: interaction.staffId,
        interactionId: interaction.id,
        title: revisit
          ? 'Vuoden lopun tarkistus: mitä tapaamisen jälkeen tapahtui?'
          : random.pick(['Soita uudelleen', 'Kysy hallituksen päätös', 'Lähetä tarjottimen ohjeet']),
        ...(revisit ? { purpose: 'revisit' as const } : {}),
        status: done ? 'done' : 'open',
        version: done ? 2 : 1,
        createdAt: interaction.occurredAt,
        createdBy: interaction.staffId,
        ...(done ? { completedAt: at(Math.min(nowMs, dueMs)), completedBy: interaction.staffId } : {}),
      });
    }
    data.followUps.push(...followUps);

    const open = followUps.filter((f) => f.status === 'open');
    const next = nextDue(open);
    const last = interactions.at(-1);
    data.associations.push({
      sv: 1,
      id,
      workspaceId: options.workspaceId,
      name: entry.name,
      frame: entry.frame,
      municipalities: isRegional ? ['Kuopio'] : municipalities,
      targetGroups: entry.groups,
      ...(random.chance(0.6) ? { email: `info.${data.associations.length}@demo.invalid` } : {}),
      ...(random.chance(0.4)
        ? { website: `https://yhdistys-${data.associations.length}.demo.invalid/` }
        : {}),
      ...(random.chance(0.5) ? { foundedYear: random.int(1920, 2020) } : {}),
      version: 1,
      createdAt: at(createdMs),
      createdBy: creator,
      updatedAt: at(createdMs),
      updatedBy: creator,
      stage: latest.to,
      stageEnteredAt: latest.at,
      stageSeq: latest.seq,
      openFollowUpCount: open.length,
      summaryRev: 1,
      ...(last ? { lastContactAt: last.occurredAt } : {}),
      ...(next ? { nextFollowUpDue: next } : {}),
    });
    if (isRegional) regional.push(id);
  }
  const names = new Map(data.associations.map((a) => [a.id, a.name]));
  for (const membership of data.memberships)
    membership.associationName = names.get(membership.associationId) ?? '';
  addEvents(data, random, options);
  return data;
}

const eventPlans: { kind: EventKind; name: string; municipalities: readonly string[]; theme: string }[] = [
  {
    kind: 'pienmarkkinat',
    name: 'Yhdistysten pienmarkkinat',
    municipalities: ['Iisalmi', 'Kuopio', 'Suonenjoki', 'Varkaus'],
    theme: 'Yhdistykset tutuiksi',
  },
  {
    kind: 'tyopaja',
    name: 'Viestinnän työpaja',
    municipalities: ['Kuopio', 'Siilinjärvi'],
    theme: 'Viestintä',
  },
  {
    kind: 'oppikoulu',
    name: 'Yhdistysten oppikoulu',
    municipalities: ['Kuopio', 'Iisalmi'],
    theme: 'Hallitustyö',
  },
  {
    kind: 'foorumi',
    name: 'Järjestöfoorumi',
    municipalities: ['Kuopio'],
    theme: 'Hyvinvointialue ja järjestöt',
  },
  { kind: 'live', name: 'Tarjotin-live Facebookissa', municipalities: [], theme: 'Hyvinvointitarjotin' },
];
const dietaryNeeds = ['gluteeniton', 'laktoositon', 'kasvisruoka', 'pähkinäallergia'];
const accessibilityNeeds = ['pyörätuoli', 'induktiosilmukka', 'avustaja mukana'];
const openAnswers = [
  'Hyviä keskusteluja muiden yhdistysten kanssa.',
  'Tarjottimen esittely oli selkeä.',
  'Enemmän aikaa kysymyksille.',
  'Kiitos, tällaisia lisää!',
];

/** A year of events (about one a month, one still to come) with registrations, attendance and feedback. */
function addEvents(data: DemoData, random: Random, options: DemoOptions): void {
  const nowMs = options.now.getTime();
  const count = Math.max(1, Math.round(12 * options.scale));
  const local = data.associations.filter((a) => a.frame !== 'liitto' && a.frame !== 'piiri');
  const membersOf = new Map<string, Membership[]>();
  for (const m of data.memberships)
    membersOf.set(m.associationId, [...(membersOf.get(m.associationId) ?? []), m]);
  const byId = new Map(data.associations.map((a) => [a.id, a]));
  for (let n = 0; n <= count; n++) {
    const upcoming = n === count;
    const dateMs = upcoming ? nowMs + 14 * DAY : nowMs - 365 * DAY + ((n + 0.5) / count) * 350 * DAY;
    const date = helsinkiDate(new Date(dateMs));
    const plan = eventPlans[n % eventPlans.length] as (typeof eventPlans)[number];
    const municipality = plan.municipalities.length ? random.pick(plan.municipalities) : undefined;
    const createdMs = dateMs - 40 * DAY;
    const event: Event = {
      sv: EVENT_SCHEMA_VERSION,
      id: ulidAt(createdMs, random),
      workspaceId: options.workspaceId,
      name: municipality ? `${plan.name}, ${municipality}` : plan.name,
      kind: plan.kind,
      date,
      startTime: plan.kind === 'live' ? '18:00' : random.pick(['10:00', '13:00', '17:30']),
      ...(municipality ? { municipality, place: `${municipality}n kirjasto` } : {}),
      theme: plan.theme,
      questions: [...defaultLikertQuestions],
      openQuestions: [...defaultOpenQuestions],
      feedbackToken: Array.from(
        { length: 32 },
        () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[random.int(0, 63)],
      ).join(''),
      feedbackOpen: !upcoming,
      version: 1,
      createdAt: new Date(createdMs).toISOString(),
      createdBy: random.pick(options.staffIds),
    };
    data.events.push(event);
    const registrations: Registration[] = [];
    const registrationCount = random.int(8, 30);
    for (let r = 0; r < registrationCount; r++) {
      const association = random.pick(local);
      const member = random.chance(0.5) ? random.pick(membersOf.get(association.id) ?? []) : undefined;
      registrations.push({
        sv: REGISTRATION_SCHEMA_VERSION,
        id: ulidAt(createdMs + (r + 1) * 3_600_000, random),
        eventId: event.id,
        workspaceId: options.workspaceId,
        name: member?.personName ?? `${random.pick(firstNames)} ${random.pick(lastNames)}`,
        associationId: association.id,
        ...(member ? { personId: member.personId } : {}),
        ...(random.chance(0.15) ? { dietary: random.pick(dietaryNeeds) } : {}),
        ...(random.chance(0.08) ? { accessibility: random.pick(accessibilityNeeds) } : {}),
        attended: !upcoming && random.chance(0.85),
        version: 1,
        createdAt: new Date(createdMs + (r + 1) * 3_600_000).toISOString(),
        createdBy: event.createdBy,
      });
    }
    data.registrations.push(...registrations);
    if (upcoming) continue;

    // The event on the timeline of every association that came (as attendance marking does).
    const came = new Map<string, Registration[]>();
    for (const reg of registrations.filter((r) => r.attended && r.associationId)) {
      came.set(reg.associationId as string, [...(came.get(reg.associationId as string) ?? []), reg]);
    }
    for (const [associationId, regs] of came) {
      const interaction: Interaction = {
        sv: INTERACTION_SCHEMA_VERSION,
        id: eventInteractionId(event.id, associationId),
        workspaceId: options.workspaceId,
        associationId,
        kind: 'event',
        occurredAt: eventInstant(event),
        personIds: [...new Set(regs.flatMap((r) => (r.personId ? [r.personId] : [])))],
        topics: [plan.theme],
        outcome: 'held',
        notes: event.name,
        eventId: event.id,
        staffId: event.createdBy,
        version: 1,
        createdAt: eventInstant(event),
      };
      data.interactions.push(interaction);
      const association = byId.get(associationId);
      if (association && (!association.lastContactAt || association.lastContactAt < interaction.occurredAt)) {
        association.lastContactAt = interaction.occurredAt;
      }
    }

    // Feedback from about four in ten who came, mostly agreeing.
    const attended = registrations.filter((r) => r.attended).length;
    for (let f = 0; f < Math.round(attended * 0.4); f++) {
      const answers: Record<string, LikertValue> = {};
      for (const q of event.questions) {
        if (random.chance(0.1)) continue;
        answers[q.id] = random.pick([1, 2, 3, 3, 4, 4, 4] as const);
      }
      const open: Record<string, string> = {};
      if (random.chance(0.3)) open[random.pick(event.openQuestions).id] = random.pick(openAnswers);
      data.feedback.push({
        sv: FEEDBACK_SCHEMA_VERSION,
        id: ulidAt(Math.min(nowMs, dateMs + (f + 1) * 600_000), random),
        eventId: event.id,
        workspaceId: options.workspaceId,
        answers,
        open,
        source: random.chance(0.7) ? 'public' : 'staff',
        createdAt: new Date(Math.min(nowMs, dateMs + (f + 1) * 600_000)).toISOString(),
      });
    }
  }
}
