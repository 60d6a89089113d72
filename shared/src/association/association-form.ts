// The association profile form (new and edit) as store input: only the fields the form sent, so
// a form without a field leaves it as it is; the comma-separated lists become lists.
import { editableAssociationFields } from './association.schema';

const LIST_FIELDS = new Set<string>(['municipalities', 'targetGroups']);

const splitList = (value: string | string[]) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((part) => part.split(','))
    .map((item) => item.trim())
    .filter(Boolean);

export function associationFormInput(values: Record<string, string | string[]>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of editableAssociationFields) {
    const value = values[field];
    if (value === undefined) continue;
    input[field] = LIST_FIELDS.has(field) ? splitList(value) : Array.isArray(value) ? value[0] : value;
  }
  return input;
}
