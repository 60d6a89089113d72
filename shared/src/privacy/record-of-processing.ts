// The record of processing activities (GDPR Art. 30), generated from the data model: the
// personal data fields are read from the zod schemas, so a new field shows up here (and a test
// fails until it is described).
import { localised, localisedIfKey, type Localised } from '../i18n/messages';
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

/** The user account fields (not a zod object: accounts are built by the account flows). */
const userFields = ['email', 'name', 'passwordHash', 'role'];

function describe(prefix: string, names: readonly string[]): ProcessingCategory['fields'] {
  return names.map((name) => {
    // Each field's description is the catalogue key `recordOfProcessing.field.<prefix>.<field>`.
    const description = localisedIfKey(`recordOfProcessing.field.${prefix}.${name}`);
    if (!description) throw new Error(`No description of ${prefix}.${name} for the record of processing`);
    return { name, description };
  });
}

export function recordOfProcessing(): ProcessingCategory[] {
  return [
    {
      id: 'person',
      title: localised('recordOfProcessing.category.person.title'),
      subjects: localised('recordOfProcessing.category.person.subjects'),
      fields: describe('person', Object.keys(personInputSchema.shape)),
    },
    {
      id: 'membership',
      title: localised('recordOfProcessing.category.membership.title'),
      subjects: localised('recordOfProcessing.category.membership.subjects'),
      fields: describe('membership', Object.keys(membershipInputSchema.shape)),
    },
    {
      id: 'interaction',
      title: localised('recordOfProcessing.category.interaction.title'),
      subjects: localised('recordOfProcessing.category.interaction.subjects'),
      fields: describe('interaction', Object.keys(interactionFieldsSchema.shape)),
    },
    {
      id: 'registration',
      title: localised('recordOfProcessing.category.registration.title'),
      subjects: localised('recordOfProcessing.category.registration.subjects'),
      fields: describe('registration', Object.keys(registrationInputSchema.shape)),
    },
    {
      id: 'feedback',
      title: localised('recordOfProcessing.category.feedback.title'),
      subjects: localised('recordOfProcessing.category.feedback.subjects'),
      fields: describe('feedback', ['answers', 'open']),
    },
    {
      id: 'user',
      title: localised('recordOfProcessing.category.user.title'),
      subjects: localised('recordOfProcessing.category.user.subjects'),
      fields: describe('user', userFields),
    },
  ];
}

/** The fixed parts of the record: purpose, recipients, transfers, retention, security. */
export const processingFacts: { title: Localised; text: Localised }[] = [
  {
    title: localised('recordOfProcessing.fact.purposeOfProcessing.title'),
    text: localised('recordOfProcessing.fact.purposeOfProcessing.text'),
  },
  {
    title: localised('recordOfProcessing.fact.recipients.title'),
    text: localised('recordOfProcessing.fact.recipients.text'),
  },
  {
    // A user's calendar feed sends their task titles to the calendar provider they subscribe with.
    title: localised('recordOfProcessing.fact.calendarFeed.title'),
    text: localised('recordOfProcessing.fact.calendarFeed.text'),
  },
  {
    title: localised('recordOfProcessing.fact.transfersOutsideTheEu.title'),
    text: localised('recordOfProcessing.fact.transfersOutsideTheEu.text'),
  },
  {
    title: localised('recordOfProcessing.fact.retention.title'),
    text: localised('recordOfProcessing.fact.retention.text'),
  },
  {
    title: localised('recordOfProcessing.fact.security.title'),
    text: localised('recordOfProcessing.fact.security.text'),
  },
];
