// Choosing a campaign's organisations: partners have no stage, so "not on tarjotin yet" never
// chooses them; the kind filter chooses associations, partners or one partner kind.
import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../association/directory-filter';
import { defaultPipelineStages } from '../pipeline/pipeline';
import { chooseAssociations } from './campaign';

const entry = (id: string, name: string, extra: Partial<DirectoryEntry>): DirectoryEntry => ({
  id,
  name,
  frame: 'yhdistys',
  municipalities: ['Iisalmi'],
  targetGroups: [],
  openFollowUpCount: 0,
  memberNames: [],
  ...extra,
});

const entries = [
  entry('a', 'Iisalmen Ilo ry', { kind: 'association', stage: 'contacted' }),
  entry('b', 'Iisalmen Kerho ry', { stage: 'not_contacted' }),
  entry('c', 'Iisalmen kaupunki', { kind: 'kunta', frame: undefined }),
  entry('d', 'Iisalmen vanhusneuvosto', { kind: 'neuvosto', frame: undefined }),
];
const now = new Date('2026-11-24T10:00:00.000Z');
const chosen = (filter: Record<string, unknown>) =>
  chooseAssociations(entries, { notOnTarjotin: false, ...filter }, defaultPipelineStages, now).map(
    (e) => e.id,
  );

describe('chooseAssociations', () => {
  it('leaves partners out of "not on tarjotin yet"', () => {
    expect(chosen({ notOnTarjotin: true })).toEqual(['a', 'b']);
  });

  it('chooses by kind of organisation: associations, every partner, or one partner kind', () => {
    expect(chosen({})).toEqual(['a', 'c', 'b', 'd']);
    expect(chosen({ kind: 'association' })).toEqual(['a', 'b']);
    expect(chosen({ kind: 'partner' })).toEqual(['c', 'd']);
    expect(chosen({ kind: 'neuvosto' })).toEqual(['d']);
  });
});
