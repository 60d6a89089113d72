// "Add a person" on an association's page: an existing person in a role (one person in two
// associations is stored once), or a new person. Before a new person is made, people with the same
// name are offered, so a board member of two associations is not entered twice by accident.
import { z } from 'zod';
import type { Db } from '../db/client';
import { idSchema } from '../ids';
import { tidyName } from '../text/finnish-collation';
import { parseInput } from '../validation';
import { membershipInputSchema, personInputSchema, type Membership, type Person } from './person.schema';
import { addMembership, createPerson, listPeople } from './person.store';

export type AddPersonResult =
  | { kind: 'added'; membership: Membership }
  | { kind: 'sameName'; people: Pick<Person, 'id' | 'name' | 'email' | 'phone'>[] };

const sameName = (a: string, b: string) =>
  tidyName(a).toLocaleLowerCase('fi') === tidyName(b).toLocaleLowerCase('fi');

/**
 * Adds a person to the association in a role from `startDate` (a role period of its own: an
 * existing member may take a second role). With `personId`, that person; else a
 * new person with the client-made `id` (a resubmit adds one), unless people of the same name
 * exist and `createNew` is not set: then they are returned for the user to choose from.
 */
export async function addPersonToAssociation(
  db: Db,
  workspaceId: string,
  input: Record<string, unknown>,
): Promise<AddPersonResult> {
  // The form's one client-made id names the new role period (and a new person): a resubmit adds one.
  const { id } = parseInput(z.object({ id: idSchema }), { id: input.id });
  const role = { id, role: input.role, startDate: input.startDate === '' ? undefined : input.startDate };
  const associationId = input.associationId;
  if (typeof input.personId === 'string' && input.personId !== '') {
    const membership = await addMembership(db, workspaceId, {
      associationId,
      personId: input.personId,
      ...role,
    });
    return { kind: 'added', membership };
  }
  const person = parseInput(personInputSchema.pick({ name: true, email: true, phone: true }), input);
  parseInput(membershipInputSchema, { associationId, personId: id, ...role });
  if (input.createNew !== 'yes') {
    const namesakes = (await listPeople(db, workspaceId, { prefix: person.name, limit: 20 })).items.filter(
      (p) => p.id !== id && sameName(p.name, person.name),
    );
    if (namesakes.length > 0) {
      return {
        kind: 'sameName',
        people: namesakes.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone })),
      };
    }
  }
  await createPerson(db, workspaceId, { id, input: person });
  const membership = await addMembership(db, workspaceId, { associationId, personId: id, ...role });
  return { kind: 'added', membership };
}
