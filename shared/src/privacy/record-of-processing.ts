// The record of processing activities (GDPR Art. 30), generated from the data model: the
// personal data fields are read from the zod schemas, so a new field shows up here (and a test
// fails until it is described).
import type { Localised } from '../i18n/messages';
import { membershipInputSchema, personInputSchema } from '../person/person.schema';
import { interactionFieldsSchema } from '../interaction/interaction.schema';
import { registrationInputSchema } from '../event/event.schema';

export interface ProcessingCategory {
  id: string;
  title: Localised;
  /** Whose data it is. */
  subjects: Localised;
  fields: { name: string; description: Localised }[];
}

const fieldDescriptions: Record<string, Localised> = {
  'person.name': { fi: 'Nimi', en: 'Name' },
  'person.email': { fi: 'Sähköpostiosoite', en: 'E-mail address' },
  'person.phone': { fi: 'Puhelinnumero', en: 'Phone number' },
  'person.notes': { fi: 'Vapaat muistiinpanot', en: 'Free-text notes' },
  'person.objected': { fi: 'Vastustaa käsittelyä (kyllä/ei)', en: 'Objected to processing (yes/no)' },
  'person.lawfulBasis': { fi: 'Käsittelyn oikeusperuste', en: 'Lawful basis of processing' },
  'membership.associationId': { fi: 'Yhdistys', en: 'Association' },
  'membership.personId': { fi: 'Henkilön tunniste', en: 'Person identifier' },
  'membership.role': { fi: 'Rooli yhdistyksessä', en: 'Role in the association' },
  'membership.startDate': { fi: 'Alkupäivä', en: 'Start date' },
  'membership.endDate': { fi: 'Loppupäivä', en: 'End date' },
  'interaction.id': { fi: 'Tunniste', en: 'Identifier' },
  'interaction.associationId': { fi: 'Yhdistys', en: 'Association' },
  'interaction.kind': { fi: 'Yhteydenoton tapa', en: 'Kind of contact' },
  'interaction.occurredAt': { fi: 'Aika', en: 'Time' },
  'interaction.durationMinutes': { fi: 'Kesto', en: 'Duration' },
  'interaction.personIds': { fi: 'Tavatut henkilöt', en: 'People met' },
  'interaction.topics': { fi: 'Aiheet', en: 'Topics' },
  'interaction.outcome': { fi: 'Tulos', en: 'Outcome' },
  'interaction.notes': { fi: 'Muistiinpanot', en: 'Notes' },
  'interaction.campaignId': { fi: 'Kampanja, johon yhteydenotto kuuluu', en: 'The campaign of the contact' },
  'interaction.eventId': {
    fi: 'Tapahtuma, johon yhdistys osallistui',
    en: 'The event the association attended',
  },
  'registration.name': { fi: 'Ilmoittautujan nimi', en: 'Name of the person registering' },
  'registration.associationId': { fi: 'Yhdistys', en: 'Association' },
  'registration.personId': { fi: 'Henkilön tunniste', en: 'Person identifier' },
  'registration.email': { fi: 'Sähköpostiosoite', en: 'E-mail address' },
  'registration.dietary': {
    fi: 'Erityisruokavalio (voi olla terveystieto)',
    en: 'Dietary needs (may be health data)',
  },
  'registration.accessibility': {
    fi: 'Saavutettavuustarpeet (voi olla terveystieto)',
    en: 'Accessibility needs (may be health data)',
  },
  'feedback.answers': {
    fi: 'Palautteen vastaukset asteikolla 1–4 (nimettömiä)',
    en: 'Feedback answers on the scale 1–4 (anonymous)',
  },
  'feedback.open': {
    fi: 'Avoimet vastaukset (nimettömiä; voivat sisältää mitä tahansa vastaaja kirjoittaa)',
    en: 'Open answers (anonymous; may hold whatever the respondent writes)',
  },
  'user.email': { fi: 'Sähköpostiosoite (kirjautuminen)', en: 'E-mail address (login)' },
  'user.name': { fi: 'Nimi', en: 'Name' },
  'user.passwordHash': { fi: 'Salasanan tiiviste (scrypt)', en: 'Password hash (scrypt)' },
  'user.role': { fi: 'Rooli työtilassa', en: 'Role in the workspace' },
};

/** The user account fields (not a zod object: accounts are built by the account flows). */
const userFields = ['email', 'name', 'passwordHash', 'role'];

function describe(prefix: string, names: readonly string[]): ProcessingCategory['fields'] {
  return names.map((name) => {
    const description = fieldDescriptions[`${prefix}.${name}`];
    if (!description) throw new Error(`No description of ${prefix}.${name} for the record of processing`);
    return { name, description };
  });
}

export function recordOfProcessing(): ProcessingCategory[] {
  return [
    {
      id: 'person',
      title: { fi: 'Yhdistysten yhteyshenkilöt', en: 'Contact persons of associations' },
      subjects: {
        fi: 'Yhdistysten luottamushenkilöt, työntekijät ja vapaaehtoiset',
        en: 'Board members, employees and volunteers of associations',
      },
      fields: describe('person', Object.keys(personInputSchema.shape)),
    },
    {
      id: 'membership',
      title: { fi: 'Jäsenyydet ja roolit', en: 'Memberships and roles' },
      subjects: { fi: 'Yhdistysten yhteyshenkilöt', en: 'Contact persons of associations' },
      fields: describe('membership', Object.keys(membershipInputSchema.shape)),
    },
    {
      id: 'interaction',
      title: { fi: 'Yhteydenotot', en: 'Contacts (interactions)' },
      subjects: {
        fi: 'Tavatut yhteyshenkilöt ja tukikeskuksen työntekijät',
        en: 'People met and the support centre’s staff',
      },
      fields: describe('interaction', Object.keys(interactionFieldsSchema.shape)),
    },
    {
      id: 'registration',
      title: { fi: 'Tapahtumiin ilmoittautuneet', en: 'Event registrations' },
      subjects: {
        fi: 'Tapahtumiin ilmoittautuneet henkilöt',
        en: 'People who registered for events',
      },
      fields: describe('registration', Object.keys(registrationInputSchema.shape)),
    },
    {
      id: 'feedback',
      title: { fi: 'Tapahtumapalaute', en: 'Event feedback' },
      subjects: { fi: 'Palautteen antajat (nimettömiä)', en: 'People giving feedback (anonymous)' },
      fields: describe('feedback', ['answers', 'open']),
    },
    {
      id: 'user',
      title: { fi: 'Käyttäjätunnukset ja lokitiedot', en: 'User accounts and audit log' },
      subjects: { fi: 'Tukikeskuksen työntekijät', en: 'The support centre’s staff' },
      fields: describe('user', userFields),
    },
  ];
}

/** The fixed parts of the record: purpose, recipients, transfers, retention, security. */
export const processingFacts: { title: Localised; text: Localised }[] = [
  {
    title: { fi: 'Käsittelyn tarkoitus', en: 'Purpose of processing' },
    text: {
      fi: 'Yhdistysten tukeminen: yhteydenpito, tapaamisten ja jatkotoimenpiteiden kirjaaminen, hyvinvointitarjottimelle liittymisen seuranta ja rahoittajan raportointi.',
      en: 'Supporting associations: keeping in touch, recording meetings and follow-ups, tracking onboarding to the wellbeing services directory, and reporting to the funder.',
    },
  },
  {
    title: { fi: 'Vastaanottajat', en: 'Recipients' },
    text: {
      fi: 'Tukikeskuksen henkilöstö. Hankkeen päättyessä tiedot voidaan luovuttaa toimintaa jatkavalle organisaatiolle (luovutuspaketti), josta jätetään pois käsittelyä vastustaneet henkilöt.',
      en: 'The support centre’s staff. When the project ends, data may pass to the organisation that carries on (handover package), leaving out people who objected.',
    },
  },
  {
    title: { fi: 'Siirrot EU:n ulkopuolelle', en: 'Transfers outside the EU' },
    text: {
      fi: 'Ei siirtoja: tiedot ovat AWS:n Tukholman alueella (eu-north-1).',
      en: 'None: data is stored in the AWS Stockholm region (eu-north-1).',
    },
  },
  {
    title: { fi: 'Säilytysajat', en: 'Retention' },
    text: {
      fi: 'Tiedot säilytetään, kunnes ne poistetaan. Poistettu henkilö säilyy varmuuskopioissa (point-in-time recovery) enintään 35 päivää. Istunnot, kutsut ja kirjautumisyritysten laskurit poistuvat vanhentuessaan.',
      en: 'Data is kept until erased. An erased person remains in backups (point-in-time recovery) for at most 35 days. Sessions, invitations and login attempt counters are removed when they expire.',
    },
  },
  {
    title: { fi: 'Tietoturva', en: 'Security' },
    text: {
      fi: 'Salattu tietokanta, salasanat scrypt-tiivisteinä, roolipohjaiset oikeudet, istuntojen aikakatkaisut, kirjautumisyritysten rajoitus ja muutosloki ilman henkilötietoja.',
      en: 'Encrypted database, passwords as scrypt hashes, role-based access, session timeouts, login throttling, and an audit log without personal data.',
    },
  },
];
