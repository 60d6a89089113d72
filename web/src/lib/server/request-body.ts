// A form body that cannot be read is the client's doing, not the server's: a broken multipart
// body, a client that stopped sending half-way (an aborted upload) or a body over the size limit
// answers 4xx with a message instead of an unhandled 500. The server hook wraps every request's
// `formData()` with this, so no action needs its own guard.
import { error } from '@sveltejs/kit';

const TOO_LARGE = {
  message: 'The form is too large.',
  fi: 'Lomake on liian suuri.',
  en: 'The form is too large.',
};
const INTERRUPTED = {
  message: 'The form was interrupted before it arrived.',
  fi: 'Lomakkeen lähetys keskeytyi. Lähetä se uudelleen.',
  en: 'The form was interrupted before it arrived. Please send it again.',
};
const UNREADABLE = {
  message: 'The form could not be read.',
  fi: 'Lomaketta ei voitu lukea. Lähetä se uudelleen.',
  en: 'The form could not be read. Please send it again.',
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
