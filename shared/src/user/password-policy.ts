// Password rules that work offline: a minimum length, and zxcvbn's strength estimate with
// Finnish and English dictionaries, so "Kuopio2026" or a name from the form is judged weak.
// The dictionaries (about 2 MB of code) load on the first strength check, not when this module
// does: every request of the web function imports the user schema, few set a password.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn scores 0–4; 3 means "safely unguessable" against an offline attack on a slow hash. */
const MIN_SCORE = 3;

/** Words every Kohtaamo password list would try first. */
const productWords = ['kohtaamo', 'yhdistys', 'järjestö', 'tarjotin', 'hyvinvointi', 'savo', 'kuopio'];

let factory: Promise<ZxcvbnFactory> | undefined;

async function loadStrengthChecker(): Promise<ZxcvbnFactory> {
  const [core, common, english, finnish] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
    import('@zxcvbn-ts/language-fi'),
  ]);
  return new core.ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: {
      ...common.dictionary,
      ...Object.fromEntries(Object.entries(english.dictionary).map(([name, words]) => [`en-${name}`, words])),
      ...Object.fromEntries(Object.entries(finnish.dictionary).map(([name, words]) => [`fi-${name}`, words])),
      product: productWords,
    },
  });
}

/** The strength checker, loaded once; a failed load is retried by the next check. */
function strengthChecker(): Promise<ZxcvbnFactory> {
  factory ??= loadStrengthChecker().catch((caught: unknown) => {
    factory = undefined;
    throw caught;
  });
  return factory;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'weak';

/**
 * Why a password is not accepted, or undefined when it is. `related` are the user's own words.
 * Rejects only when the strength checker's modules cannot be loaded.
 */
export async function passwordProblem(
  password: string,
  related: readonly string[] = [],
): Promise<PasswordProblem | undefined> {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const inputs = related
    .flatMap((value) => [value, value.split('@')[0] ?? '', ...value.split(/[^\p{L}\p{N}]+/u)])
    .map((value) => value.toLowerCase())
    .filter((value) => value.length >= 3);
  return (await strengthChecker()).check(password, inputs).score < MIN_SCORE ? 'weak' : undefined;
}
