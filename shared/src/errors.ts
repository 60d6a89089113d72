// Typed errors with messages that are safe to show to a user (no personal data, no internals).
// Each edge (SvelteKit route, Lambda handler, CLI) maps them to a status in exactly one place.
import { inEachLanguage, localised, t, type Localised } from './i18n/messages';

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
      summary ??
        inEachLanguage((locale) =>
          t(locale, 'errors.checkFields', {
            fields: fields.map((f) => `${f.field}: ${f.message[locale]}`).join('; '),
          }),
        ),
    );
    this.fields = fields;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what: Localised = localised('errors.notFound')) {
    super(what);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(what: Localised = localised('errors.someoneElseChangedThisIn')) {
    super(what);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(what: Localised = localised('errors.youAreNotAllowedTo')) {
    super(what);
  }
}

/** The database stayed throttled or unreachable after the client's own retries. */
export class UnavailableError extends AppError {
  readonly status = 503;
  constructor(options?: { cause?: unknown }) {
    super(localised('errors.theDatabaseIsBusyRight'), options);
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
    super(what ?? localised('errors.tooManyAttemptsPleaseTry', { minutes }));
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/**
 * The server's password hashing is at its bound: a retry in a few seconds will do. A function, not a
 * constant: the browser imports this module before its messages are loaded.
 */
export const serverBusy = (): Localised => localised('errors.theServerIsBusyRight');

/** Not signed in, or the session ended: the edge sends the user to the login page. */
export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(what: Localised = localised('errors.pleaseLogInToContinue')) {
    super(what);
  }
}
