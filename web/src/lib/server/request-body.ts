// A form body that cannot be read is the client's doing, not the server's: a broken multipart
// body, a client that stopped sending half-way (an aborted upload) or a body over the size limit
// answers 4xx with a message instead of an unhandled 500. The server hook wraps every request's
// `formData()` with this, so no action needs its own guard.
import { localised } from '@kohtaamo/shared/i18n/messages';
import { error } from '@sveltejs/kit';

const TOO_LARGE = {
  message: 'The form is too large.',
  ...localised('requestBody.theFormIsTooLarge'),
};
const INTERRUPTED = {
  message: 'The form was interrupted before it arrived.',
  ...localised('requestBody.theFormWasInterruptedBefore'),
};
const UNREADABLE = {
  message: 'The form could not be read.',
  ...localised('requestBody.theFormCouldNotBe'),
};

/**
 * The HttpError for a body that could not be read: 413 over the size limit (SvelteKit's own error
 * carries the status), otherwise 400, saying whether the client stopped sending.
 */
export function unreadableBody(caught: unknown, aborted: boolean): never {
  const tooLarge = (caught as { status?: unknown } | null)?.status === 413;
  const { message, ...text } = tooLarge ? TOO_LARGE : aborted ? INTERRUPTED : UNREADABLE;
  error(tooLarge ? 413 : 400, message, text);
}

/** Makes `request.formData()` fail with a 4xx HttpError (unreadableBody) instead of a TypeError. */
export function guardFormBody(request: Request): void {
  const read = request.formData.bind(request);
  Object.defineProperty(request, 'formData', {
    configurable: true,
    value: async (): Promise<FormData> => {
      try {
        return await read();
      } catch (caught) {
        return unreadableBody(caught, request.signal.aborted);
      }
    },
  });
}
