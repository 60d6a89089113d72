import type { Locale } from '@kohtaamo/shared/i18n/messages';

declare global {
  namespace App {
    interface Locals {
      locale: Locale;
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
