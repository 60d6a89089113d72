// What a refused form sends back to be shown again: at most what its fields can hold. A 6 MB post
// would otherwise be answered with 12 MB (the values in the page and again in its data), and a
// password is never sent back at all.
export const ECHO_LIMITS = { perField: 10_000, total: 30_000 } as const;

const SECRET_FIELD = /password/i;

/** `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/**
 * The values of a form to echo back: password fields left out, each value cut to
 * ECHO_LIMITS.perField characters, and names and values together at most ECHO_LIMITS.total
 * (fields past it are left out, as if they had not been sent).
 */
export function echoValues(values: Record<string, string | string[]>): Record<string, string | string[]> {
  const echoed: Record<string, string | string[]> = {};
  let budget: number = ECHO_LIMITS.total;
  const take = (text: string): string | undefined => {
    if (budget <= 0) return undefined;
    const kept = cut(text, Math.min(ECHO_LIMITS.perField, budget));
    budget -= Math.max(kept.length, 1);
    return kept;
  };
  for (const [name, value] of Object.entries(values)) {
    if (SECRET_FIELD.test(name) || name.length > ECHO_LIMITS.perField || name.length >= budget) continue;
    budget -= name.length;
    if (Array.isArray(value)) {
      const kept = value.map(take).filter((v): v is string => v !== undefined);
      if (kept.length > 0) echoed[name] = kept;
    } else {
      const kept = take(value);
      if (kept !== undefined) echoed[name] = kept;
    }
  }
  return echoed;
}
