import { describe, expect, it } from 'vitest';
import { associationInputSchema } from './association/association.schema';
import { ValidationError } from './errors';
import { interactionInputSchema, outcomeFitsKind } from './interaction/interaction.schema';
import { parseExpectedVersion, parseId, parseInput } from './validation';

function fieldsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('input validation', () => {
  it('lists every invalid field with a Finnish and an English message', () => {
    const fields = fieldsOf(() =>
      parseInput(associationInputSchema, { name: '', frame: 'seura', municipalities: [], ytunnus: '123' }),
    );
    expect(fields.map((f) => f.field).sort()).toEqual(['frame', 'municipalities', 'name', 'ytunnus']);
    for (const field of fields) {
      expect(field.message.fi).not.toBe('');
      expect(field.message.en).not.toBe('');
      expect(field.message.fi).not.toBe(field.message.en);
    }
  });

  it('never copies the rejected value into a message (it may be personal data)', () => {
    const fields = fieldsOf(() =>
      parseInput(associationInputSchema, {
        name: 'X',
        frame: 'yhdistys',
        municipalities: ['Kuopio'],
        email: 'matti.meikalainen@',
      }),
    );
    expect(JSON.stringify(fields)).not.toContain('meikalainen');
  });

  it('accepts only ULIDs as ids, so a # can never reach a key', () => {
    expect(parseId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    for (const bad of ['01ARZ3NDEKTSV4RRFFQ69G5FA#', 'WS#x', '', 42, undefined]) {
      expect(() => parseId(bad)).toThrow(ValidationError);
    }
  });

  it('matches outcomes to the kind of contact', () => {
    expect(outcomeFitsKind('call', 'no_answer')).toBe(true);
    expect(outcomeFitsKind('visit', 'no_answer')).toBe(false);
    expect(outcomeFitsKind('workshop', 'cancelled')).toBe(true);
    expect(outcomeFitsKind('email', undefined)).toBe(true);
    const parsed = interactionInputSchema.safeParse({
      id: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      associationId: '01ARZ3NDEKTSV4RRFFQ69G5FAW',
      kind: 'visit',
      occurredAt: '2026-11-24T08:00:00.000Z',
      outcome: 'busy',
    });
    expect(parsed.success).toBe(false);
  });
});

describe('one message per field', () => {
  it('reports only the first failing rule of a field', async () => {
    const { calendarDateSchema } = await import('./time/helsinki');
    const { z } = await import('zod');
    const error = (() => {
      try {
        parseInput(z.object({ due: calendarDateSchema.refine(() => false, { message: 'msg:date.past' }) }), {
          due: '',
        });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error?.fields.map((f) => f.field)).toEqual(['due']);
  });

  it('takes the version a form was based on as a whole number from 1, with a summary message otherwise', () => {
    expect(parseExpectedVersion('3')).toBe(3);
    expect(parseExpectedVersion(7)).toBe(7);
    for (const bad of [undefined, '', 'matrix', Number.NaN, 0, -1, 1.5]) {
      let caught: unknown;
      try {
        parseExpectedVersion(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      const error = caught as ValidationError;
      expect(error.fields).toEqual([]);
      expect(error.safe.fi).toMatch(/Lataa sivu uudelleen/);
      expect(error.safe.en).toMatch(/Reload the page/);
    }
  });
});
