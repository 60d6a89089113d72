import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  checkStageMove,
  daysInStage,
  defaultPipelineStages,
  initialStage,
  isFinalStage,
  isStale,
  nextStageOf,
  stageLabel,
} from './pipeline';
import { stageMoveInputSchema } from './pipeline.schema';

describe('pipeline rules', () => {
  it('starts an association in the first main stage', () => {
    expect(initialStage(defaultPipelineStages)).toBe('not_contacted');
    expect(() => initialStage([])).toThrow();
  });

  it('allows a move to any other configured stage and refuses unknown or same stages', () => {
    expect(checkStageMove(defaultPipelineStages, 'contacted', 'published').code).toBe('published');
    expect(() => checkStageMove(defaultPipelineStages, 'contacted', 'nowhere')).toThrow(ValidationError);
    expect(() => checkStageMove(defaultPipelineStages, 'contacted', 'contacted')).toThrow(ValidationError);
  });

  it('moves forward by default: the next main stage, and no default from a final stage', () => {
    expect(nextStageOf(defaultPipelineStages, 'not_contacted')).toBe('contacted');
    expect(nextStageOf(defaultPipelineStages, 'submitted')).toBe('published');
    // The last main stage and the side exits are final: the form asks instead of guessing.
    for (const final of ['published', 'declined', 'not_relevant', 'dissolved']) {
      expect(isFinalStage(defaultPipelineStages, final)).toBe(true);
      expect(nextStageOf(defaultPipelineStages, final)).toBeUndefined();
    }
    expect(isFinalStage(defaultPipelineStages, 'interested')).toBe(false);
    expect(nextStageOf(defaultPipelineStages, 'legacy_stage')).toBeUndefined();
    // An exit placed between main stages does not break the order of the main path.
    const [first, second, ...rest] = defaultPipelineStages;
    const reordered = [
      first!,
      { code: 'paused', label: { fi: 'Tauolla', en: 'Paused' }, kind: 'exit' as const },
      second!,
      ...rest,
    ];
    expect(nextStageOf(reordered, 'not_contacted')).toBe('contacted');
  });

  it('never calls a final stage stale, however long the wait', () => {
    expect(isStale(defaultPipelineStages, 'published', 300, 30)).toBe(false);
    expect(isStale(defaultPipelineStages, 'declined', 300, 30)).toBe(false);
    expect(isStale(defaultPipelineStages, 'contacted', 30, 30)).toBe(true);
    expect(isStale(defaultPipelineStages, 'contacted', 29, 30)).toBe(false);
  });

  it('uses a stage’s own stale threshold where it has one, the default elsewhere', () => {
    const stages = defaultPipelineStages.map((s) =>
      s.code === 'contacted' ? { ...s, staleAfterDays: 7 } : s,
    );
    expect(isStale(stages, 'contacted', 7, 30)).toBe(true);
    expect(isStale(stages, 'contacted', 6, 30)).toBe(false);
    expect(isStale(stages, 'interested', 7, 30)).toBe(false);
    // A final stage stays never stale, whatever its own number says.
    const published = stages.map((s) => (s.code === 'published' ? { ...s, staleAfterDays: 1 } : s));
    expect(isStale(published, 'published', 100, 30)).toBe(false);
  });

  it('asks for a stage when none was chosen, and calls an unknown one unknown', () => {
    const problem = (to: string) =>
      stageMoveInputSchema.safeParse({ to }).error?.issues.map((i) => i.message);
    expect(problem('')).toEqual(['msg:stage.choose']);
    expect(problem('Nowhere!')).toEqual(['msg:stage.unknown']);
    expect(problem('contacted')).toBeUndefined();
  });

  it('counts whole Helsinki days in a stage', () => {
    // Entered at 23:30 Helsinki on 1 Nov (21:30 UTC); on 3 Nov at 00:10 Helsinki that is 2 days.
    expect(daysInStage('2026-11-01T21:30:00.000Z', new Date('2026-11-02T22:10:00.000Z'))).toBe(2);
    expect(daysInStage('2026-11-01T21:30:00.000Z', new Date('2026-11-01T21:45:00.000Z'))).toBe(0);
  });

  it('labels stages in the user’s language and falls back to the code', () => {
    expect(stageLabel(defaultPipelineStages, 'published', 'fi')).toBe('Tarjottimella');
    expect(stageLabel(defaultPipelineStages, 'published', 'en')).toBe('Published');
    expect(stageLabel(defaultPipelineStages, 'legacy_stage', 'fi')).toBe('legacy_stage');
  });
});
