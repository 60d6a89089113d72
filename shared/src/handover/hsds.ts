// The associations in Open Referral's Human Services Data Specification (HSDS 3.0) shape, for
// directory systems such as hyvinvointitarjotin: one `organization` per association with its
// identifiers (Y-tunnus, register number), phone, one `location` per municipality and, when
// persons are exported, its contact persons. Pure.
//
// HSDS wants UUIDs. A ULID is 128 bits like a UUID, so an id is written as the same bits in UUID
// form (reversible); records that have no id of their own (a municipality of an association)
// get one hashed from what they belong to, so every export gives the same ids.
import { createHash } from 'node:crypto';
import type { Association } from '../association/association.schema';
import { t } from '../i18n/messages';
import type { Membership, Person } from '../person/person.schema';
import { onePerPerson } from '../person/contact-order';

export const HSDS_PATH = 'hsds/organizations.json';
export const HSDS_VERSION = '3.0';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function hexAsUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The ULID's 128 bits written as a UUID (lower-case hex, 8-4-4-4-12). */
export function ulidToUuid(ulid: string): string {
  let bits = 0n;
  for (const char of ulid.toUpperCase()) {
    const value = CROCKFORD.indexOf(char);
    if (value < 0) throw new Error('not a ULID');
    bits = (bits << 5n) | BigInt(value);
  }
  return hexAsUuid(bits.toString(16).padStart(32, '0'));
}

/** A stable UUID for something that has no id of its own. */
function uuidFromSeed(seed: string): string {
  return hexAsUuid(createHash('sha256').update(seed).digest('hex'));
}

/** How the role of a contact person is written in HSDS `contact.title`: its Finnish name, in lower case. */
const roleTitle = (role: Membership['role']) => t('fi', `role.${role}`).toLocaleLowerCase('fi');

export interface HsdsContactInput {
  membership: Membership;
  person: Person;
}

type Json = Record<string, unknown>;

/** Leaves out absent values: HSDS fields are optional unless required, never null. */
function compact(record: Json): Json {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function hsdsOrganization(association: Association, contacts: readonly HsdsContactInput[]): Json {
  const organizationId = ulidToUuid(association.id);
  const identifiers = [
    ...(association.ytunnus
      ? [
          {
            id: uuidFromSeed(`${association.id}:ytunnus`),
            organization_id: organizationId,
            identifier_scheme: 'FI-PRO',
            identifier_type: 'Y-tunnus (business id)',
            identifier: association.ytunnus,
          },
        ]
      : []),
    ...(association.registerNumber
      ? [
          {
            id: uuidFromSeed(`${association.id}:register`),
            organization_id: organizationId,
            identifier_type: 'yhdistysrekisterinumero (register of associations)',
            identifier: association.registerNumber,
          },
        ]
      : []),
  ];
  return compact({
    id: organizationId,
    name: association.name,
    // Required by HSDS. Staff notes are internal and never published: the type and the
    // municipalities describe the organisation instead.
    description: `${association.frame} – ${association.municipalities.join(', ')}`,
    email: association.email,
    website: association.website,
    year_incorporated: association.foundedYear,
    legal_status: association.registerNumber ? t('fi', 'hsds.registeredAssociation') : association.frame,
    parent_organization_id: association.parentId ? ulidToUuid(association.parentId) : undefined,
    phones: association.phone
      ? [
          {
            id: uuidFromSeed(`${association.id}:phone`),
            organization_id: organizationId,
            number: association.phone,
          },
        ]
      : [],
    locations: association.municipalities.map((municipality) => ({
      id: uuidFromSeed(`${association.id}:municipality:${municipality}`),
      location_type: 'physical',
      organization_id: organizationId,
      name: municipality,
      description: `Kunta, jossa ${association.name} toimii / Municipality where it operates`,
    })),
    organization_identifiers: identifiers,
    contacts: currentContacts(contacts).map(({ membership, person }) =>
      compact({
        // One contact row per person, by their current role (a former chair is not a contact).
        id: uuidFromSeed(`${membership.associationId}:${membership.personId}:contact`),
        organization_id: organizationId,
        name: person.name,
        title: roleTitle(membership.role),
        email: person.email,
        phones: person.phone
          ? [
              {
                id: uuidFromSeed(`${membership.associationId}:${membership.personId}:phone`),
                number: person.phone,
              },
            ]
          : undefined,
      }),
    ),
  });
}

/** The people in a current role, each once (by the role a caller would ask for first). */
function currentContacts(contacts: readonly HsdsContactInput[]): HsdsContactInput[] {
  const people = new Map(contacts.map((c) => [c.membership.personId, c.person]));
  return onePerPerson(contacts.map((c) => c.membership).filter((m) => !m.endDate)).map((membership) => ({
    membership,
    person: people.get(membership.personId) as Person,
  }));
}
