// One language's compiled messages by their catalogue key (both the server's and the browser's catalogues).
import { keys } from './paraglide/by-key/keys';

export type Message = (inputs: Record<string, unknown>) => string;
export type Catalogue = ReadonlyMap<string, Message>;

/** The messages of one language, compiled in the order of `keys`, by their key. */
export function keyed(messages: readonly ((inputs: never) => string)[]): Catalogue {
  return new Map(keys.map((key, index) => [key, messages[index] as Message]));
}
