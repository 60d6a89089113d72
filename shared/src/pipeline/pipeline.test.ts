import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { checkStageMove, daysInStage, defaultPipelineStages, initialStage, stageLabel } from './pipeline';

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
