import { describe, expect, it } from 'vitest';
import { suppressionsFromNotification } from './ses-notification';

// Shapes as SES publishes them to SNS (configuration-set event publishing and identity feedback).
const permanentBounce = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      { emailAddress: 'Nobody@Example.invalid', action: 'failed', status: '5.1.1' },
      { emailAddress: '"Liisa" <liisa@example.invalid>', action: 'failed', status: '5.1.1' },
    ],
    timestamp: '2026-12-02T06:00:00.000Z',
    feedbackId: 'f-1',
  },
  mail: { source: 'kohtaamo@example.invalid', destination: ['nobody@example.invalid'] },
};

describe('suppressionsFromNotification', () => {
  it('suppresses every recipient of a permanent bounce, by bare lower-case address', () => {
    expect(suppressionsFromNotification(JSON.stringify(permanentBounce))).toEqual([
      { address: 'nobody@example.invalid', reason: 'bounce' },
      { address: 'liisa@example.invalid', reason: 'bounce' },
    ]);
  });

  it('suppresses complainants, also from identity notifications (notificationType)', () => {
    const complaint = {
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: 'spam@example.invalid' }], feedbackId: 'c-1' },
    };
    expect(suppressionsFromNotification(JSON.stringify(complaint))).toEqual([
      { address: 'spam@example.invalid', reason: 'complaint' },
    ]);
  });

  it('suppresses nothing for a transient bounce, a delivery or text that is not SES JSON', () => {
    const transient = { ...permanentBounce, bounce: { ...permanentBounce.bounce, bounceType: 'Transient' } };
    expect(suppressionsFromNotification(JSON.stringify(transient))).toEqual([]);
    expect(suppressionsFromNotification(JSON.stringify({ eventType: 'Delivery', delivery: {} }))).toEqual([]);
    expect(suppressionsFromNotification('not json')).toEqual([]);
    expect(suppressionsFromNotification(JSON.stringify({ eventType: 'Bounce', bounce: 'x' }))).toEqual([]);
  });
});
