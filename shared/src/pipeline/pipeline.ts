// Pure rules of the tarjotin pipeline.
import { ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { daysBetween, helsinkiDate } from '../time/helsinki';
import type { PipelineStage } from './pipeline.schema';

export const defaultPipelineStages: PipelineStage[] = [
  { code: 'not_contacted', label: { fi: 'Ei yhteydenottoa', en: 'Not contacted' }, kind: 'main' },
  { code: 'contacted', label: { fi: 'Yhteydessä', en: 'Contacted' }, kind: 'main' },
  { code: 'interested', label: { fi: 'Kiinnostunut', en: 'Interested' }, kind: 'main' },
  { code: 'onboarding', label: { fi: 'Tiedot pyydetty', en: 'Onboarding' }, kind: 'main' },
  { code: 'submitted', label: { fi: 'Lähetetty hyväksyttäväksi', en: 'Submitted' }, kind: 'main' },
  { code: 'published', label: { fi: 'Tarjottimella', en: 'Published' }, kind: 'main' },
  { code: 'declined', label: { fi: 'Kieltäytyi', en: 'Declined' }, kind: 'exit' },
  { code: 'not_relevant', label: { fi: 'Ei koske', en: 'Not relevant' }, kind: 'exit' },
  { code: 'dissolved', label: { fi: 'Lakannut', en: 'Dissolved' }, kind: 'exit' },
];

export function initialStage(stages: readonly PipelineStage[]): string {
  const first = stages.find((stage) => stage.kind === 'main') ?? stages[0];
  if (!first) throw new Error('A workspace needs at least one pipeline stage');
  return first.code;
}

/** Checks a move and returns the target stage, or throws a field-specific ValidationError. */
export function checkStageMove(stages: readonly PipelineStage[], from: string, to: string): PipelineStage {
  const target = stages.find((stage) => stage.code === to);
  if (!target) throw new ValidationError([{ field: 'to', message: localised('msg:stage.unknown') }]);
  if (to === from) throw new ValidationError([{ field: 'to', message: localised('msg:stage.same') }]);
  return target;
}

/** A stage with no way further: the last main stage (published) and every side exit. */
export function isFinalStage(stages: readonly PipelineStage[], code: string): boolean {
  const stage = stages.find((candidate) => candidate.code === code);
  if (!stage) return false;
  return stage.kind === 'exit' || stages.filter((s) => s.kind === 'main').at(-1)?.code === code;
}

/**
 * Where a move from `code` goes unless the user picks otherwise: the next main stage in order. A
 * final stage has no forward default (the form asks for a choice), nor has a stage no longer configured.
 */
export function nextStageOf(stages: readonly PipelineStage[], code: string): string | undefined {
  if (isFinalStage(stages, code)) return undefined;
  const mains = stages.filter((s) => s.kind === 'main');
  const at = mains.findIndex((s) => s.code === code);
  return at === -1 ? undefined : mains[at + 1]?.code;
}

/**
 * Whether a card has waited too long in its stage: the stage's own threshold, else the workspace's
 * default. An association in a final stage never has.
 */
export function isStale(
  stages: readonly PipelineStage[],
  code: string,
  days: number,
  defaultStaleAfterDays: number,
): boolean {
  const own = stages.find((stage) => stage.code === code)?.staleAfterDays;
  return !isFinalStage(stages, code) && days >= (own ?? defaultStaleAfterDays);
}

/** Whole Helsinki days an association has waited in its stage. */
export function daysInStage(enteredAt: string, now: Date): number {
  return daysBetween(helsinkiDate(new Date(enteredAt)), helsinkiDate(now));
}

export function stageLabel(stages: readonly PipelineStage[], code: string, locale: 'fi' | 'en'): string {
  return stages.find((stage) => stage.code === code)?.label[locale] ?? code;
}
