// Every request passes here: language, security headers, the CSRF origin check (forms and JSON
// alike), the session, and the access rule of the route (lib/server/access.ts). Successful
// state changes are written to the audit log. Unexpected errors stay generic. Each request gets
// an id (the `x-request-id` header) and one JSON log line: route id, status, duration, round trips
// and items examined — never the raw path or query string, which may carry tokens.
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { recordAudit } from '@kohtaamo/shared/audit/audit.store';
import {
  localised,
  defaultLocale,
  parseLocale,
  t,
  type Locale,
  type PlainMessageKey,
} from '@kohtaamo/shared/i18n/messages';
import { withRequestCost, type ReadCost } from '@kohtaamo/shared/db/read-cost';
import { lambdaRequestId, log } from '@kohtaamo/shared/log/logger';
import { PLAIN_PAGE_CSP, plainPageHeaders, securityHeaders } from '@kohtaamo/shared/security-headers';
import { authenticate } from '@kohtaamo/shared/user/authenticate';
import { roleAllows } from '@kohtaamo/shared/user/user.schema';

import { ruleFor, type ActionRule } from '#lib/server/access.ts';
import { serverContext } from '#lib/server/context.ts';
import { allowFormAction } from '#lib/server/csp.ts';
import { LOCALE_COOKIE } from '#lib/server/locale.ts';
import { guardFormBody } from '#lib/server/request-body.ts';
import { readSessionToken, sessionPolicy } from '#lib/server/session.ts';

function preferredLocale(acceptLanguage: string | null): Locale | undefined {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const locale = parseLocale(part.split(';')[0]?.trim().slice(0, 2).toLowerCase());
    if (locale) return locale;
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request must come from our own pages: same origin, forms and JSON alike. The
 * origin is the configured one where set (KOHTAAMO_ORIGIN, locally), else the request's, whose
 * host the local server (scripts/web-server.ts) or CloudFront (functions/src/web) has checked.
 */
function crossSite(request: Request, url: URL, configuredOrigin: string | undefined): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin) return origin !== (configuredOrigin ? new URL(configuredOrigin).origin : url.origin);
  // Browsers always send Origin on POST; without it, trust only an explicit same-origin fetch.
  return request.headers.get('sec-fetch-site') !== 'same-origin';
}

function plainPage(status: number, locale: Locale, key: PlainMessageKey): Response {
  const text = t(locale, key);
  const body =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} · Kohtaamo</title></head>` +
    `<body><main><h1>${text}</h1><p><a href="/">Kohtaamo</a></p></main></body></html>`;
  return new Response(body, {
    status,
    headers: { ...plainPageHeaders, 'content-type': 'text/html; charset=utf-8' },
  });
}

function withHeaders(response: Response, signedIn: boolean): Response {
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  const csp = response.headers.get('content-security-policy');
  const uploadOrigin = serverContext().blobs.uploadOrigin;
  if (csp && csp !== PLAIN_PAGE_CSP && uploadOrigin)
    response.headers.set('content-security-policy', allowFormAction(csp, uploadOrigin));
  // Pages of a signed-in user are never stored by the browser or a proxy.
  if (signedIn) response.headers.set('cache-control', 'no-store');
  return response;
}

/** Logs one line per request and tags the response with its id; the work is in `respond`. */
export const handle: Handle = async (input) => {
  const started = performance.now();
  // In Lambda, the invocation's id (so the line is found by it in CloudWatch); locally a fresh one.
  const requestId = lambdaRequestId(input.event.request.headers) ?? randomUUID();
  input.event.locals.requestId = requestId;
  const line = { requestId, method: input.event.request.method, route: input.event.route.id ?? 'none' };
  let response: Response;
  let cost: ReadCost;
  try {
    ({ result: response, cost } = await withRequestCost(async () => respond(input)));
  } catch (caught) {
    log.error('request failed', { ...line, durationMs: Math.round(performance.now() - started) });
    throw caught;
  }
  const aborted = input.event.request.signal.aborted;
  log.info(aborted ? 'request aborted' : 'request', {
    ...line,
    status: response.status,
    durationMs: Math.round(performance.now() - started),
    // What the request cost the table: the budgets of the cost tests, visible in production too.
    roundTrips: cost.roundTrips,
    itemsExamined: cost.itemsExamined,
    ...(cost.scans > 0 ? { scans: cost.scans } : {}),
    ...(aborted ? { aborted } : {}),
  });
  response.headers.set('x-request-id', requestId);
  return response;
};

const respond: Handle = async ({ event, resolve }) => {
  guardFormBody(event.request);
  const locale =
    parseLocale(event.cookies.get(LOCALE_COOKIE)) ??
    preferredLocale(event.request.headers.get('accept-language')) ??
    defaultLocale;
  event.locals.locale = locale;

  const { config, db } = serverContext();
  if (crossSite(event.request, event.url, config.KOHTAAMO_ORIGIN)) {
    return withHeaders(plainPage(403, locale, 'hooks.crossSite'), false);
  }

  const auth = await authenticate(db, readSessionToken(event.cookies, event.url), sessionPolicy(config));
  event.locals.auth = auth;
  event.locals.staffId = auth.status === 'none' ? '' : auth.user.id;
  const signedIn = auth.status !== 'none';

  const routeId = event.route.id;
  if (routeId === null) {
    // No such route: SvelteKit answers 404 (static files never reach this hook).
    return withHeaders(
      await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }),
      signedIn,
    );
  }
  const method = event.request.method;
  const rule: ActionRule | undefined = ruleFor(routeId, method, event.url);

  const denied = (): Response => {
    if (auth.status === 'member') {
      void recordAudit(db, auth.member.workspaceId, { actorId: auth.user.id, action: 'access.denied' }).catch(
        () => undefined,
      );
    }
    return withHeaders(plainPage(403, locale, 'hooks.notAllowed'), signedIn);
  };

  if (!rule) return denied();
  if (rule.need !== 'public') {
    if (auth.status === 'none') {
      if (method === 'GET' || method === 'HEAD') {
        const next = encodeURIComponent(event.url.pathname + event.url.search);
        return withHeaders(
          new Response(null, { status: 303, headers: { location: `/login?next=${next}` } }),
          false,
        );
      }
      return withHeaders(plainPage(401, locale, 'hooks.logIn'), false);
    }
    if (rule.need !== 'signed-in') {
      if (auth.status === 'choose-workspace') {
        return withHeaders(new Response(null, { status: 303, headers: { location: '/workspaces' } }), true);
      }
      if (!roleAllows(auth.member.role, rule.need)) return denied();
    }
  }

  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', locale),
  });

  // A state change that went through (a redirect or a page, not a 4xx) goes to the audit log.
  if (
    !SAFE_METHODS.has(method) &&
    rule.audit &&
    auth.status === 'member' &&
    response.status < 400 &&
    !event.locals.unchanged
  ) {
    // The entity is named by the route, or by the action when it made the entity (a new association).
    const entityId = (rule.audit.from ? event.params[rule.audit.from] : undefined) ?? event.locals.createdId;
    const associationId =
      event.params['id'] && routeId.startsWith('/associations/')
        ? event.params['id']
        : (event.params['associationId'] ??
          (rule.audit.entity === 'association' ? event.locals.createdId : undefined));
    await recordAudit(db, auth.member.workspaceId, {
      actorId: auth.user.id,
      action: rule.audit.action,
      ...(rule.audit.entity ? { entityType: rule.audit.entity } : {}),
      ...(entityId ? { entityId } : {}),
      ...(associationId ? { associationId } : {}),
    });
  }
  return withHeaders(response, signedIn);
};

export const handleError: HandleServerError = (caught) => {
  // App errors (ours, with safe bilingual text) and framework errors (404…) keep their defaults.
  if (caught.kind !== 'unknown') return;
  const name = caught.error instanceof Error ? caught.error.name : 'unknown';
  // Only the route and the error's type: messages may contain personal data.
  log.error('unhandled error', {
    requestId: caught.event.locals.requestId,
    route: caught.event.route.id ?? 'none',
    error: name,
  });
  return {
    message: 'Something went wrong.',
    ...localised('hooksServer.somethingWentWrongPleaseTry'),
  };
};
