import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { params } from '../../params/index.ts';
import { routePolicies, ruleFor } from './access.ts';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const routesDir = join(srcDir, 'routes');

/** Every route id under src/routes: a folder with a +page or +server file. */
function routeIds(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/^\+(page\.server\.ts|page\.svelte|server\.ts)$/.test(entry.name)) {
        found.add(`/${relative(routesDir, dir).split('\\').join('/')}`.replace(/\/$/, '') || '/');
      }
    }
  };
  walk(routesDir);
  return [...found].sort();
}

describe('the access table', () => {
  it('lists every route in src/routes, and no route that is not there', () => {
    expect(routeIds()).toEqual(Object.keys(routePolicies).sort());
  });

  it('names only param matchers that src/params defines', () => {
    const matchers = routeIds().flatMap((id) =>
      [...id.matchAll(/\[\w+=(\w+)\]/g)].map((m) => m[1] as string),
    );
    expect(new Set(matchers)).toEqual(new Set(Object.keys(params)));
  });

  it('denies an action a route does not list', () => {
    expect(
      ruleFor('/associations/[id=id]', 'POST', new URL('http://x/associations/1?/nothing')),
    ).toBeUndefined();
    expect(ruleFor('/no/such/route', 'GET', new URL('http://x/no/such/route'))).toBeUndefined();
  });
});
