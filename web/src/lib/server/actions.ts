// The one place where domain errors become form-action results: field errors and conflicts are
// shown on the form (with what the user typed, within echoValues' limits), a missing record is a 404.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { AppError, ConflictError, TooManyRequestsError, ValidationError } from '@kohtaamo/shared/errors';
import type { Localised } from '@kohtaamo/shared/i18n/messages';
import { echoValues } from './echo-values';

export interface FormProblem {
  form: string;
  fields?: { field: string; message: Localised }[];
  conflict?: Localised;
  values?: Record<string, string | string[]>;
  retryAfterSeconds?: number;
}

export async function runAction<T>(
  form: string,
  sent: Record<string, string | string[]>,
  work: () => Promise<T>,
): Promise<T | ActionFailure<FormProblem>> {
  try {
    return await work();
  } catch (caught) {
    const values = echoValues(sent);
    if (caught instanceof ValidationError) {
      // Without field errors the error's own summary says what went wrong.
      return caught.fields.length > 0
        ? fail(400, { form, fields: caught.fields, values })
        : fail(400, { form, conflict: caught.safe, values });
    }
    if (caught instanceof TooManyRequestsError) {
      return fail(429, { form, conflict: caught.safe, values, retryAfterSeconds: caught.retryAfterSeconds });
    }
    if (caught instanceof ConflictError) return fail(409, { form, conflict: caught.safe, values });
    if (caught instanceof AppError)
      error(caught.status, { message: caught.safe.en, fi: caught.safe.fi, en: caught.safe.en });
    throw caught;
  }
}
