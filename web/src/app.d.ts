import type { Locale } from '@kohtaamo/shared/i18n/messages';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
      /** The staff member making the request (one local user until accounts exist). */
      staffId: string;
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
