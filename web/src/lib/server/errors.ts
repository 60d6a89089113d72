// The one place where domain errors become HTTP errors for pages.
import { error } from '@sveltejs/kit';
import { AppError } from '@kohtaamo/shared/errors';

export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (caught) {
    if (caught instanceof AppError) {
      error(caught.status, { message: caught.safe.en, fi: caught.safe.fi, en: caught.safe.en });
    }
    throw caught;
  }
}
