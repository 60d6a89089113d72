import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { contactFormSchema, contactFormToInput, formValues } from './contact-form';

const now = new Date('2026-11-24T08:00:00.000Z');
const association = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

function input(values: Record<string, string | string[]>) {
  return contactFormToInput(contactFormSchema.parse(values), association, now) as {
    interaction: Record<string, unknown>;
    nextFollowUp?: { due: string };
  };
}

describe('the contact form', () => {
  it('defaults to a call reached today, now, with no follow-up', () => {
    const result = input({ id: 'X' });
    expect(result.interaction).toMatchObject({
      kind: 'call',
      outcome: 'reached',
      occurredAt: now.toISOString(),
    });
    expect(result.nextFollowUp).toBeUndefined();
  });

  it('gives an untouched outcome the default of the chosen kind', () => {
    expect(input({ kind: 'visit' }).interaction.outcome).toBe('held');
    expect(input({ kind: 'email' }).interaction.outcome).toBe('sent');
    expect(input({ kind: 'call', outcome: 'no_answer' }).interaction.outcome).toBe('no_answer');
  });

  it('turns the quick pick into a due date, and a custom pick into the given date', () => {
    expect(input({ followUp: 'week' }).nextFollowUp?.due).toBe('2026-12-01');
    expect(input({ followUp: 'year_end' }).nextFollowUp?.due).toBe('2026-12-31');
    // The year-end pick is the revisit the funder report counts; other picks are plain follow-ups.
    expect(input({ followUp: 'year_end' }).nextFollowUp).toMatchObject({ purpose: 'revisit' });
    expect(input({ followUp: 'week' }).nextFollowUp).not.toHaveProperty('purpose');
    expect(input({ followUp: 'custom', followUpDate: '2027-03-01' }).nextFollowUp?.due).toBe('2027-03-01');
    // A custom pick without a date stays invalid, so the user is asked for it.
    expect(input({ followUp: 'custom' }).nextFollowUp?.due).toBe('');
  });

  it('never drops a typed follow-up because of the quick pick beside it', () => {
    // "No follow-up" left at its default with a typed date: the date is what the user meant.
    expect(
      input({ followUp: 'none', followUpDate: '2027-02-01', followUpTitle: 'Soita' }).nextFollowUp,
    ).toMatchObject({ due: '2027-02-01', title: 'Soita' });
    expect(input({ followUp: 'none', followUpDate: ' ', followUpTitle: ' ' }).nextFollowUp).toBeUndefined();
    // Only a text: the form asks when, on the date field, naming the fix.
    expect(() => input({ followUp: 'none', followUpTitle: 'Lähetä ohjeet' })).toThrow(ValidationError);
    try {
      input({ followUp: 'none', followUpTitle: 'Lähetä ohjeet' });
    } catch (error) {
      expect((error as ValidationError).fields).toEqual([
        {
          field: 'nextFollowUp.due',
          message: expect.objectContaining({ fi: expect.stringContaining('Valitse, milloin') }),
        },
      ]);
    }
    // A quick pick and a typed date disagree: asked which, with the pick's own label in the message.
    try {
      input({ followUp: 'week', followUpDate: '2027-02-01' });
      expect.unreachable('a quick pick beside a typed date must be asked about');
    } catch (error) {
      const [problem] = (error as ValidationError).fields;
      expect(problem?.field).toBe('nextFollowUp.due');
      expect(problem?.message.fi).toContain('”Viikon päästä”');
      expect(problem?.message.en).toContain('“In a week”');
    }
  });

  it('logs an earlier day at noon Helsinki time and splits topics', () => {
    const result = input({ occurredOn: '2026-11-20', topics: 'tarjotin, jäsenhankinta ,' });
    expect(result.interaction.occurredAt).toBe('2026-11-20T10:00:00.000Z');
    expect(result.interaction.topics).toEqual(['tarjotin', 'jäsenhankinta']);
  });

  it('reads repeated form fields as lists', () => {
    const form = new FormData();
    form.append('personIds', 'A');
    form.append('personIds', 'B');
    form.append('notes', 'hei');
    expect(formValues(form.entries())).toEqual({ personIds: ['A', 'B'], notes: 'hei' });
  });
});
