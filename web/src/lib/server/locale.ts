// The language preference cookie.
export const LOCALE_COOKIE = 'kohtaamo-lang';
