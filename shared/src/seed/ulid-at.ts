// ULIDs for generated data: the time part from the record's own time, the random part from the
// seeded generator, so seeded ids are reproducible and sort like real ones.
import type { Random } from './random';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulidAt(timeMs: number, random: Random): string {
  let time = Math.floor(timeMs);
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  let randomPart = '';
  for (let i = 0; i < 16; i++) randomPart += ALPHABET[random.int(0, 31)];
  return timePart + randomPart;
}
