// Phone numbers as people type them ("040 123 4567", "+358 40 1234567", "017-123 456") in one form:
// E.164 through libphonenumber-js, reading a number without a country code as Finnish.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** The number in E.164 form (`+358401234567`), or undefined when it cannot be a phone number. */
export function normalisedPhone(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, 'FI');
  return parsed?.isPossible() ? parsed.number : undefined;
}
