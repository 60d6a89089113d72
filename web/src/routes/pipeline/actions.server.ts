// The pipeline board's action: move a card to another stage.
import { redirect } from '@sveltejs/kit';
import { isId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { moveAssociationStage } from '@kohtaamo/shared/pipeline/pipeline.store';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions } from './$types';

export const pageActions = {
  move: async ({ request, locals, url }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const expectedSeq = Number(values.expectedSeq);
    const result = await runAction('move', values, () =>
      moveAssociationStage(db, workspace, {
        associationId: String(values.associationId),
        by: locals.staffId,
        input: { to: values.to, note: values.note },
        ...(Number.isInteger(expectedSeq) && expectedSeq > 0 ? { expectedSeq } : {}),
      }),
    );
    if (!('seq' in result)) return result;
    const id = String(values.associationId);
    const stage = url.searchParams.get('stage');
    redirect(
      303,
      `/pipeline?${stage ? `stage=${encodeURIComponent(stage)}&` : ''}done=moved${isId(id) ? `&moved=${id}#card-${id}` : ''}`,
    );
  },
} satisfies Actions;
