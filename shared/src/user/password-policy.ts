// Password rules that work offline: a minimum length, and zxcvbn's strength estimate with
// Finnish and English dictionaries, so "Kuopio2026" or a name from the form is judged weak.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { dictionary as finnishDictionary } from '@zxcvbn-ts/language-fi';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn scores 0–4; 3 means "safely unguessable" against an offline attack on a slow hash. */
const MIN_SCORE = 3;

/** Words every Kohtaamo password list would try first. */
const productWords = ['kohtaamo', 'yhdistys', 'järjestö', 'tarjotin', 'hyvinvointi', 'savo', 'kuopio'];

let factory: ZxcvbnFactory | undefined;

function strengthChecker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: {
      ...commonDictionary,
      ...Object.fromEntries(Object.entries(englishDictionary).map(([name, words]) => [`en-${name}`, words])),
      ...Object.fromEntries(Object.entries(finnishDictionary).map(([name, words]) => [`fi-${name}`, words])),
      product: productWords,
    },
  });
  return factory;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'weak';

/** Why a password is not accepted, or undefined when it is. `related` are the user's own words. */
export function passwordProblem(
  password: string,
  related: readonly string[] = [],
): PasswordProblem | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'tooLong';
  const inputs = related
    .flatMap((value) => [value, value.split('@')[0] ?? '', ...value.split(/[^\p{L}\p{N}]+/u)])
    .map((value) => value.toLowerCase())
    .filter((value) => value.length >= 3);
  return strengthChecker().check(password, inputs).score < MIN_SCORE ? 'weak' : undefined;
}
