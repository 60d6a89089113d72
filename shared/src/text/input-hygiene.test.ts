// Every text field of every input schema comes out without control or bidi characters: each
// string of a valid input is poisoned with U+0001 (the index key separator), NUL, ESC and U+202E
// in turn, and the result is either refused (a format field) or clean. Free-text fields must be
// accepted, cleaned.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { associationInputSchema } from '../association/association.schema';
import { directoryFilterSchema } from '../association/directory-filter';
import { campaignCallSchema } from '../campaign/campaign-calls';
import { campaignInputSchema } from '../campaign/campaign.schema';
import { parseFeedbackForm } from '../event/event-feedback';
import {
  defaultLikertQuestions,
  defaultOpenQuestions,
  eventInputSchema,
  registrationInputSchema,
} from '../event/event.schema';
import { followUpInputSchema } from '../follow-up/follow-up.schema';
import { newId } from '../ids';
import { interactionInputSchema } from '../interaction/interaction.schema';
import { jobParamsSchemas } from '../jobs/job.schema';
import { personInputSchema } from '../person/person.schema';
import { pipelineStageSchema, stageMoveInputSchema } from '../pipeline/pipeline.schema';
import { userNameSchema } from '../user/user.schema';
import { workspaceInputSchema } from '../workspace/workspace.schema';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const poison = (text: string) => `${text.slice(0, 1)}\u0001\u0000${text.slice(1)}\u001b\u202E`;

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

/** Variants of `input` with one string (at any depth) poisoned, named by its path. */
function poisoned(input: unknown, path: string[] = []): [string, unknown][] {
  if (typeof input === 'string') return [[path.join('.'), poison(input)]];
  if (Array.isArray(input)) {
    return input.flatMap((item, i) =>
      poisoned(item, [...path, String(i)]).map(
        ([p, v]) => [p, input.map((x, j) => (j === i ? v : x))] as [string, unknown],
      ),
    );
  }
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([key, item]) =>
      poisoned(item, [...path, key]).map(([p, v]) => [p, { ...input, [key]: v }] as [string, unknown]),
    );
  }
  return [];
}

const id = newId();
const stage = { code: 'contacted', label: { fi: 'Yhteydessä', en: 'Contacted' }, kind: 'main' };

/** Schema, a valid input, and the free-text fields that must be accepted cleaned. */
const table: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  [
    'association',
    associationInputSchema,
    {
      name: 'Kuopion Kerho ry',
      frame: 'kerho',
      municipalities: ['Kuopio'],
      targetGroups: ['ikääntyneet'],
      email: 'kerho@example.fi',
      phone: '040 123 4567',
      address: 'Kauppakatu 1',
      website: 'https://kerho.example.fi/',
      notes: 'Rivi\nToinen',
    },
    ['name', 'municipalities.0', 'targetGroups.0', 'phone', 'address', 'website', 'notes'],
  ],
  [
    'person',
    personInputSchema,
    { name: 'Pirkko Pöntinen', phone: '040 1', notes: 'Muistiinpano', lawfulBasis: 'Oikeutettu etu' },
    ['name', 'phone', 'notes', 'lawfulBasis'],
  ],
  [
    'interaction',
    interactionInputSchema,
    {
      id,
      associationId: id,
      kind: 'call',
      occurredAt: '2026-11-24T08:00:00.000Z',
      topics: ['tarjotin'],
      notes: 'Soitto',
    },
    ['topics.0', 'notes'],
  ],
  [
    'follow-up',
    followUpInputSchema,
    { id, associationId: id, due: '2026-12-01', assigneeId: 'anna', title: 'Soita' },
    ['title'],
  ],
  [
    'campaign',
    campaignInputSchema,
    {
      name: 'Syksyn kierros',
      mailingSubject: 'Tarjotin',
      mailingDate: '2026-11-24',
      notes: 'Huom',
      filter: { q: 'kerho' },
    },
    ['name', 'mailingSubject', 'notes', 'filter.q'],
  ],
  [
    'campaign call',
    campaignCallSchema,
    { interactionId: id, outcome: 'reached', notes: 'Tavoitettiin' },
    ['notes'],
  ],
  [
    'event',
    eventInputSchema,
    {
      name: 'Pienmarkkinat',
      kind: 'pienmarkkinat',
      date: '2026-11-24',
      place: 'Tori',
      municipality: 'Iisalmi',
      theme: 'Vertaistuki',
      description: 'Kuvaus',
    },
    ['name', 'place', 'municipality', 'theme', 'description'],
  ],
  [
    'registration',
    registrationInputSchema,
    { name: 'Aila Ahonen', email: 'aila@example.fi', dietary: 'gluteeniton', accessibility: 'pyörätuoli' },
    ['name', 'dietary', 'accessibility'],
  ],
  [
    'workspace',
    workspaceInputSchema,
    { id: 'veke', name: 'VeKe', stages: [stage] },
    ['name', 'stages.0.label.fi', 'stages.0.label.en'],
  ],
  ['pipeline stage', pipelineStageSchema, stage, ['label.fi', 'label.en']],
  ['stage move', stageMoveInputSchema, { to: 'contacted', note: 'Soitettiin' }, ['note']],
  [
    'directory search',
    directoryFilterSchema,
    { q: 'kerho', municipality: 'Kuopio', targetGroup: 'nuoret' },
    ['q', 'municipality', 'targetGroup'],
  ],
  [
    'handover job',
    jobParamsSchemas.handover,
    { includePersons: true, exportedBy: 'Anna Admin' },
    ['exportedBy'],
  ],
];

describe('input hygiene of every schema', () => {
  for (const [name, schema, input, freeText] of table) {
    it(`${name}: every text comes out without control or bidi characters`, () => {
      expect(schema.safeParse(input).success).toBe(true);
      const variants = poisoned(input);
      for (const field of freeText) expect(variants.map(([path]) => path)).toContain(field);
      for (const [path, variant] of variants) {
        const result = schema.safeParse(variant);
        if (freeText.includes(path)) expect(result.success, `${name}.${path} is accepted`).toBe(true);
        if (result.success) {
          for (const text of texts(result.data))
            expect(UNSAFE.test(text), `${name}.${path}: ${JSON.stringify(text)}`).toBe(false);
        }
      }
    });
  }

  it('a user name is cleaned', () => {
    expect(userNameSchema.parse('Anna\u0001 \u202EAdmin')).toBe('Anna Admin');
  });

  it('an open feedback answer keeps its line breaks and loses control and bidi characters', () => {
    const event = { questions: [...defaultLikertQuestions], openQuestions: [...defaultOpenQuestions] };
    const { open } = parseFeedbackForm(event, { 'o-best': 'Kahvi\u0001\r\n\u202Eja pulla' });
    expect(open).toEqual({ best: 'Kahvi\nja pulla' });
  });
});
