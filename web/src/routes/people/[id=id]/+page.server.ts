// A person: contact details, memberships, the contacts where they were met (contacts-met.server.ts),
// privacy (lawful basis, objection), subject access and erasure for admins.
import { localised } from '@kohtaamo/shared/i18n/messages';
import { telHref } from '@kohtaamo/shared/person/contact-order';
import { redirect } from '@sveltejs/kit';
import { ValidationError } from '@kohtaamo/shared/errors';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { erasePerson } from '@kohtaamo/shared/privacy/erase-person';
import { renamePerson } from '@kohtaamo/shared/person/person-copies';
import {
  getPerson,
  listAssociationsOfPerson,
  updatePersonDetails,
} from '@kohtaamo/shared/person/person.store';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { loadContactsMet } from './contacts-met.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { db } = serverContext();
  const me = member(locals);
  const id = params.id;
  const [person, memberships, contactsMet] = await Promise.all([
    orHttpError(getPerson(db, me.workspaceId, id)),
    orHttpError(listAssociationsOfPerson(db, me.workspaceId, id, { limit: 200 })),
    loadContactsMet(db, me.workspaceId, id, url),
  ]);
  return {
    person,
    /** The person's number as a tap-to-call address. */
    phoneHref: person.phone ? telHref(person.phone) : undefined,
    memberships: memberships.items,
    contactsMet,
    done: url.searchParams.get('done'),
  };
};

export const actions: Actions = {
  rename: async ({ request, params, locals }) => {
    const me = member(locals);
    const values = formValues((await request.formData()).entries());
    const result = await runAction('rename', values, () =>
      renamePerson(serverContext().db, me.workspaceId, {
        id: params.id,
        expectedVersion: values.version,
        name: values.name,
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, `/people/${result.id}?done=renamed`);
  },
  save: async ({ request, params, locals }) => {
    const me = member(locals);
    const values = formValues((await request.formData()).entries());
    const result = await runAction('person', values, () =>
      updatePersonDetails(serverContext().db, me.workspaceId, {
        id: params.id,
        expectedVersion: Number(values.version),
        input: {
          email: values.email,
          phone: values.phone,
          notes: values.notes,
          lawfulBasis: values.lawfulBasis,
          objected: values.objected === 'yes',
        },
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, `/people/${result.id}?done=saved`);
  },
  erase: async ({ request, params, locals }) => {
    const me = member(locals);
    const values = formValues((await request.formData()).entries());
    const result = await runAction('erase', values, async () => {
      if (values.confirm !== 'yes') {
        throw new ValidationError([
          {
            field: 'confirm',
            message: localised('person.eraseTickBox'),
          },
        ]);
      }
      return erasePerson(serverContext().db, me.workspaceId, { personId: params.id, by: me.userId });
    });
    if (!('memberships' in result)) return result;
    redirect(303, '/associations?done=erased');
  },
};
