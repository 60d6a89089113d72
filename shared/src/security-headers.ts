// Headers every response carries: the web app's hook sets them on pages, the local server on
// static files and on its own error answers too, and the CDN (infra) on everything it serves.
export const securityHeaders: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The policy of pages without scripts, styles or forms (the plain 401/403/421 pages and the
 * server's own 400/408/431 answers): nothing may load, nothing may frame them.
 */
export const PLAIN_PAGE_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Every header of a plain page: the security headers and its content security policy. */
export const plainPageHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'content-security-policy': PLAIN_PAGE_CSP,
};
