import type { Locale } from '@kohtaamo/shared/i18n/messages';
import type { Authentication } from '@kohtaamo/shared/user/authenticate';

declare global {
  interface Window {
    /** Puts back what was typed into fields before hydration (static/before-hydration.js). */
    restoreTypedFields?: () => void;
  }
  namespace App {
    interface Locals {
      locale: Locale;
      /** Who is asking: set by the server hook from the session cookie. */
      auth: Authentication;
      /** The signed-in user's id ('' when nobody is signed in). */
      staffId: string;
      /** This request's id in the log and the `x-request-id` header. */
      requestId: string;
      /** The id of what a form action created, for its audit entry (the route has no id yet). */
      createdId?: string;
      /** The action changed nothing (e.g. a task given to whoever had it): no audit entry. */
      unchanged?: boolean;
    }
    interface Error {
      message: string;
      /** Safe, localised text for the error page. */
      fi?: string;
      en?: string;
    }
  }
}

export {};
