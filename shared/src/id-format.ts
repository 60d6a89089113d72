// The shape of an id (a ULID), with no dependencies: the web app's route matcher runs it in the
// browser too, where `ids.ts` (node:crypto, the ULID factory) cannot go.

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ULID_PATTERN.test(value);
}
