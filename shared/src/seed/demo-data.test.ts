import { describe, expect, it } from 'vitest';
import { associationInputSchema } from '../association/association.schema';
import { interactionInputSchema } from '../interaction/interaction.schema';
import { defaultPipelineStages } from '../pipeline/pipeline';
import { generateDemoData } from './demo-data';

const options = {
  workspaceId: 'demo',
  stages: defaultPipelineStages,
  staffIds: ['anna', 'ville'],
  scale: 1,
  seed: 42,
  now: new Date('2026-11-24T08:00:00.000Z'),
};

describe('demo data', () => {
  const data = generateDemoData(options);

  it('has the size of a North Savo support centre at scale 1', () => {
    expect(data.associations).toHaveLength(527);
    expect(data.people.length).toBeGreaterThan(2500);
    expect(data.interactions.length).toBeGreaterThan(4000);
    expect(data.interactions.length).toBeLessThan(6500);
    expect(data.followUps.some((f) => f.status === 'open')).toBe(true);
  });

  it('is reproducible from its seed and differs with another seed', () => {
    expect(generateDemoData(options)).toEqual(data);
    expect(generateDemoData({ ...options, seed: 43 }).associations[10]?.id).not.toBe(
      data.associations[10]?.id,
    );
  });

  it('has unique names, some with å, ä and ö, and every association passes validation', () => {
    const names = data.associations.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const letter of ['Å', 'Ä', 'Ö']) expect(names.some((n) => n.startsWith(letter))).toBe(true);
    for (const association of data.associations) {
      expect(associationInputSchema.safeParse(association).success).toBe(true);
    }
    for (const interaction of data.interactions.slice(0, 500)) {
      expect(interactionInputSchema.safeParse(interaction).success).toBe(true);
    }
  });

  it('derives each summary from its own facts and keeps the stage history consistent', () => {
    for (const association of data.associations.slice(0, 50)) {
      const own = data.interactions.filter((i) => i.associationId === association.id);
      expect(association.lastContactAt).toBe(
        own
          .map((i) => i.occurredAt)
          .sort()
          .at(-1),
      );
      const history = data.stageChanges.filter((c) => c.associationId === association.id);
      expect(history.at(-1)?.to).toBe(association.stage);
      expect(history.map((c) => c.seq)).toEqual(history.map((_, i) => i + 1));
      expect(association.openFollowUpCount).toBe(
        data.followUps.filter((f) => f.associationId === association.id && f.status === 'open').length,
      );
    }
  });
});

describe('demo data at other seeds', () => {
  it('never repeats a municipality within one association', () => {
    for (const seed of [1, 7, 99]) {
      const other = generateDemoData({ ...options, seed, scale: 0.3 });
      for (const association of other.associations) {
        expect(new Set(association.municipalities).size).toBe(association.municipalities.length);
      }
    }
  });
});
