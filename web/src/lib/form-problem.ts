// A refused form as its page gets it back (the action's FormProblem, see server/actions.ts, read
// loosely from ActionData): what was typed and the field errors, looked up the same way everywhere.
import type { Localised } from '@kohtaamo/shared/i18n/messages';

export interface ShownProblem {
  /** Which form of the page was refused (a page with several forms shows each its own). */
  form?: string | undefined;
  fields?: { field: string; message: Localised }[] | undefined;
  conflict?: Localised | undefined;
  values?: unknown;
}

/** What was typed into a single-value field of the refused form, else `otherwise`. */
export function typedValue(problem: ShownProblem | undefined, name: string, otherwise = ''): string {
  const value = (problem?.values as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : otherwise;
}

/** The error of one field of the refused form. */
export function fieldError(problem: ShownProblem | undefined, field: string): Localised | undefined {
  return problem?.fields?.find((f) => f.field === field)?.message;
}

/** The refusal when it belongs to the page's form `form`. */
export function problemOfForm(problem: ShownProblem | undefined, form: string): ShownProblem | undefined {
  return problem?.form === form ? problem : undefined;
}
