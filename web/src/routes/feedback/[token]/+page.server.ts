// The public feedback form of an event: no login and no name asked. Safe against spam: the link's
// secret names the event, the form carries a signed single-use time stamp (too fast, too old or
// used already is refused; a form shown again gets a fresh one from load), a hidden field that
// people leave empty catches bots, and submissions are counted per address and per event before
// anything is stored.
import { error, fail } from '@sveltejs/kit';
import { ValidationError, TooManyRequestsError } from '@kohtaamo/shared/errors';
import { submitPublicFeedback } from '@kohtaamo/shared/event/event-feedback.store';
import { checkStamp, issueStamp } from '@kohtaamo/shared/event/feedback-stamp';
import { findFeedbackLink, getEvent } from '@kohtaamo/shared/event/event.store';
import { localised } from '@kohtaamo/shared/i18n/messages';
import { newId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { serverContext } from '#lib/server/context.ts';
import { echoValues } from '#lib/server/echo-values.ts';
import { clientAddress } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

async function eventOf(token: string) {
  const { db } = serverContext();
  const link = await findFeedbackLink(db, token);
  const event = link ? await getEvent(db, link.workspaceId, link.eventId).catch(() => undefined) : undefined;
  if (!link || !event) {
    const text = localised('feedback.notFound');
    error(404, { message: text.en, ...text });
  }
  return { workspaceId: link.workspaceId, event };
}

export const load: PageServerLoad = async ({ params }) => {
  const { db, config } = serverContext();
  const { event } = await eventOf(params.token);
  return {
    event: {
      name: event.name,
      date: event.date,
      questions: event.questions,
      openQuestions: event.openQuestions,
    },
    open: event.feedbackOpen,
    stamp: issueStamp(config.KOHTAAMO_CURSOR_SECRET, params.token, db.now()),
    id: newId(),
    thanks: false,
  };
};

export const actions: Actions = {
  default: async (requestEvent) => {
    const { db, config } = serverContext();
    const { params, request } = requestEvent;
    const { workspaceId, event } = await eventOf(params.token);
    const values = formValues((await request.formData()).entries());
    const problem = (status: number, message: { fi: string; en: string }) =>
      fail(status, { form: 'feedback', conflict: message, values: echoValues(values) });
    if (!event.feedbackOpen) return problem(403, localised('feedback.closed'));
    // People leave the hidden field empty; a bot fills it. It is told nothing more.
    if (values.website) return { thanks: true };
    if (
      checkStamp(config.KOHTAAMO_CURSOR_SECRET, params.token, String(values.stamp ?? ''), db.now()) !== 'ok'
    ) {
      return problem(400, localised('feedback.expired'));
    }
    try {
      await submitPublicFeedback(db, workspaceId, event, {
        id: values.id,
        stamp: String(values.stamp),
        values,
        clientAddress: clientAddress(requestEvent),
      });
    } catch (caught) {
      if (caught instanceof ValidationError) {
        return fail(400, {
          form: 'feedback',
          ...(caught.fields.length ? { fields: caught.fields } : { conflict: caught.safe }),
          values: echoValues(values),
        });
      }
      if (caught instanceof TooManyRequestsError) {
        requestEvent.setHeaders({ 'retry-after': String(caught.retryAfterSeconds) });
        return problem(429, caught.safe);
      }
      throw caught;
    }
    return { thanks: true };
  },
};
