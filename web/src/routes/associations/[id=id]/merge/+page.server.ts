// Merging a duplicate: find the association this one duplicates (search, with a suggestion from
// the name), see side by side what moves, and confirm. The association of the page is the duplicate.
import { redirect } from '@sveltejs/kit';
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { searchDirectory } from '@kohtaamo/shared/association/directory-search';
import { mergeAssociations } from '@kohtaamo/shared/association/merge-associations';
import { countAll } from '@kohtaamo/shared/db/operations';
import { keys, sortKeyPrefixes } from '@kohtaamo/shared/db/table';

import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { idOr404 } from '#lib/server/route-ids.ts';
import type { Actions, PageServerLoad } from './$types';

/** What a merge moves: the counts of an association's contacts and roles. */
async function contents(workspaceId: string, associationId: string) {
  const { db } = serverContext();
  const count = (prefix: string) =>
    countAll(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.associationPartition(workspaceId, associationId),
        ':prefix': prefix,
      },
    });
  const [interactions, members] = await Promise.all([
    count(sortKeyPrefixes.interaction),
    count(sortKeyPrefixes.membership),
  ]);
  return { interactions, members };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const duplicate = await orHttpError(getAssociation(db, workspace.id, params.id));
  if (duplicate.mergedInto) redirect(303, `/associations/${duplicate.mergedInto}`);
  const into = url.searchParams.get('into');
  if (into) {
    const survivor = await orHttpError(getAssociation(db, workspace.id, idOr404(into)));
    const [fromCounts, intoCounts] = await Promise.all([
      orHttpError(contents(workspace.id, duplicate.id)),
      orHttpError(contents(workspace.id, survivor.id)),
    ]);
    return {
      step: 'confirm' as const,
      duplicate: { ...duplicate, ...fromCounts },
      survivor: { ...survivor, ...intoCounts },
    };
  }
  // Suggested search: the name without "ry" and the like, which duplicates often differ in.
  const q = url.searchParams.get('q') ?? duplicate.name.replace(/\s+r\.?\s?y\.?$/i, '').trim();
  const found = await orHttpError(searchDirectory(db, workspace.id, { q }, { limit: 20 }));
  return {
    step: 'search' as const,
    duplicate,
    q,
    candidates: found.entries.filter((entry) => entry.id !== duplicate.id),
  };
};

export const actions: Actions = {
  merge: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const result = await runAction('merge', values, () =>
      mergeAssociations(db, workspace, {
        duplicateId: params.id,
        survivorId: String(values.survivorId ?? ''),
        by: locals.staffId,
        expectedVersion: Number(values.expectedVersion),
      }),
    );
    if (!('interactions' in result)) return result;
    redirect(303, `/associations/${String(values.survivorId)}?done=merged`);
  },
};
