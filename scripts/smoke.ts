// `npm run smoke -- URL`: checks a running Kohtaamo from the outside, as a browser without
// JavaScript would use it: pages, security headers, static assets, a form POST from the site's
// own origin (answered by the app, not refused) and one from a foreign origin (refused).
import { z } from 'zod';
import { parseArgsOrExit } from './local-runtime';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const usage = 'Usage: npm run smoke -- <site URL, e.g. https://d1234.cloudfront.net>';
const target = z.url({ protocol: /^https?$/ }).safeParse(process.argv[2]);
if (!target.success) {
  console.error(`${usage}\n  the site URL is missing or not an http(s) address`);
  process.exit(2);
}
parseArgsOrExit(z.object({}).strict(), usage);
const site = new URL(target.data);
const https = site.protocol === 'https:';
const checks: Check[] = [];

function check(name: string, ok: boolean, detail = ''): void {
  checks.push({ name, ok, detail });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail && !ok ? ` — ${detail}` : ''}`);
}

function postLogin(origin: string): Promise<Response> {
  return fetch(new URL('/login', site), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ email: 'smoke-test@example.invalid', password: 'not the password 123' }),
  });
}

async function main(): Promise<void> {
  const home = await fetch(site, { redirect: 'manual' });
  check(
    'the front page sends a visitor to log in',
    home.status === 303 && /\/login/.test(home.headers.get('location') ?? ''),
    `status ${home.status}`,
  );

  const login = await fetch(new URL('/login', site));
  const html = await login.text();
  check(
    'the login page renders',
    login.status === 200 && /<form[^>]*method="post"/i.test(html),
    `status ${login.status}`,
  );
  const csp = login.headers.get('content-security-policy') ?? '';
  check(
    'Content-Security-Policy forbids framing and plugins',
    /frame-ancestors 'none'/.test(csp) && /object-src 'none'/.test(csp),
    csp || 'missing',
  );
  check('X-Content-Type-Options: nosniff', login.headers.get('x-content-type-options') === 'nosniff');
  check('Referrer-Policy is set', Boolean(login.headers.get('referrer-policy')));
  check('X-Frame-Options: DENY', login.headers.get('x-frame-options') === 'DENY');
  if (https) {
    check(
      'Strict-Transport-Security is set',
      /max-age=\d+/.test(login.headers.get('strict-transport-security') ?? ''),
    );
  }

  // SvelteKit links its files relative to the page (./_app/immutable/…).
  const asset = /(?:src|href)="\.?(\/_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
  if (asset) {
    const response = await fetch(new URL(asset, site));
    await response.arrayBuffer();
    check(
      'static assets are served and cached for a long time',
      response.status === 200 &&
        /immutable|max-age=31536000/.test(response.headers.get('cache-control') ?? ''),
      `status ${response.status}, cache-control ${response.headers.get('cache-control')}`,
    );
  } else {
    check('the login page links its scripts from /_app/immutable', false, 'no asset found');
  }

  const ownPost = await postLogin(site.origin);
  const ownBody = await ownPost.text();
  check(
    'a form POST from the site itself reaches the app (wrong password answered, not refused)',
    ownPost.status === 400 && /<form/i.test(ownBody),
    `status ${ownPost.status}`,
  );
  const foreignPost = await postLogin('https://attacker.example');
  await foreignPost.arrayBuffer();
  check(
    'a form POST from another site is refused',
    foreignPost.status === 403,
    `status ${foreignPost.status}`,
  );
}

main()
  .catch((error: unknown) =>
    check('the site answers', false, error instanceof Error ? error.message : String(error)),
  )
  .finally(() => {
    const failed = checks.filter((c) => !c.ok).length;
    console.log(`\n${checks.length - failed} passed, ${failed} failed (${site.origin})`);
    process.exitCode = failed === 0 ? 0 : 1;
  });
