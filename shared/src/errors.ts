// Typed errors with messages that are safe to show to a user (no personal data, no internals).
// Each edge (SvelteKit route, Lambda handler, CLI) maps them to a status in exactly one place.
import type { Localised } from './i18n/messages';

export interface FieldError {
  /** Dotted path of the field, e.g. `ytunnus` or `municipalities.0`. */
  field: string;
  message: Localised;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  readonly safe: Localised;
  constructor(safe: Localised, options?: { cause?: unknown }) {
    super(safe.en, options);
    this.safe = safe;
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly fields: FieldError[];
  constructor(fields: FieldError[], summary?: Localised) {
    super(
      summary ?? {
        fi: `Tarkista tiedot: ${fields.map((f) => `${f.field}: ${f.message.fi}`).join('; ')}`,
        en: `Please check: ${fields.map((f) => `${f.field}: ${f.message.en}`).join('; ')}`,
      },
    );
    this.fields = fields;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what: Localised = { fi: 'Tietoa ei löytynyt.', en: 'Not found.' }) {
    super(what);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(
    what: Localised = {
      fi: 'Joku muu muutti tätä tietoa sillä välin. Lataa sivu uudelleen ja tee muutos uudestaan.',
      en: 'Someone else changed this in the meantime. Reload the page and make your change again.',
    },
  ) {
    super(what);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(
    what: Localised = { fi: 'Sinulla ei ole oikeutta tähän.', en: 'You are not allowed to do this.' },
  ) {
    super(what);
  }
}

/** The database stayed throttled or unreachable after the client's own retries. */
export class UnavailableError extends AppError {
  readonly status = 503;
  constructor(options?: { cause?: unknown }) {
    super(
      {
        fi: 'Tietokanta on juuri nyt ruuhkautunut. Yritä hetken päästä uudelleen; mitään ei tallennettu puolittain.',
        en: 'The database is busy right now. Please try again in a moment; nothing was half-saved.',
      },
      options,
    );
  }
}

/**
 * Too many attempts (a throttle), or too much work waiting (password hashing): the edge answers 429
 * with Retry-After.
 */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, what?: Localised) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      what ?? {
        fi: `Liian monta yritystä. Yritä uudelleen ${minutes} minuutin kuluttua.`,
        en: `Too many attempts. Please try again in ${minutes} minutes.`,
      },
    );
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** The server's password hashing is at its bound: a retry in a few seconds will do. */
export const serverBusy: Localised = {
  fi: 'Palvelin on juuri nyt kiireinen. Yritä muutaman sekunnin kuluttua uudelleen.',
  en: 'The server is busy right now. Please try again in a few seconds.',
};

/** Not signed in, or the session ended: the edge sends the user to the login page. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(what: Localised = { fi: 'Kirjaudu sisään jatkaaksesi.', en: 'Please log in to continue.' }) {
    super(what);
  }
}
