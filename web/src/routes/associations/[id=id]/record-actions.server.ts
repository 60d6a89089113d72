// The association page's record actions: move the stage, mark as dissolved, restore.
import { redirect } from '@sveltejs/kit';
import { archiveAsDissolved } from '@kohtaamo/shared/association/archive-association';
import { setAssociationArchived } from '@kohtaamo/shared/association/association.store';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { moveAssociationStage } from '@kohtaamo/shared/pipeline/pipeline.store';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions } from './$types';

export const recordActions = {
  archive: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const result = await runAction('archive', values, () =>
      archiveAsDissolved(db, workspace, {
        id: params.id,
        expectedVersion: Number(values.version),
        by: locals.staffId,
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, `/associations/${params.id}?done=archived`);
  },
  restore: ({ request, params, locals }) => restore(request, params, locals),

  moveStage: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const workspace = await orHttpError(currentWorkspace(locals));
    const expectedSeq = Number(values.expectedSeq);
    const result = await runAction('stage', values, () =>
      moveAssociationStage(db, workspace, {
        associationId,
        by: locals.staffId,
        input: { to: values.to, note: values.note },
        ...(Number.isInteger(expectedSeq) && expectedSeq > 0 ? { expectedSeq } : {}),
      }),
    );
    if (!('seq' in result)) return result;
    redirect(303, `/associations/${associationId}?done=stage#stage-heading`);
  },
} satisfies Actions;

async function restore(request: Request, params: { id: string }, locals: App.Locals) {
  const { db } = serverContext();
  const by = locals.staffId;
  const id = params.id;
  const values = formValues((await request.formData()).entries());
  const result = await runAction('archive', values, () =>
    setAssociationArchived(db, member(locals).workspaceId, {
      id,
      expectedVersion: Number(values.version),
      archived: false,
      by,
    }),
  );
  if (!('version' in result)) return result;
  redirect(303, `/associations/${id}?done=restored`);
}
