// SES bounce and complaint notifications, as SNS delivers them (configuration-set event
// publishing says `eventType`, identity feedback notifications say `notificationType`): which
// addresses Kohtaamo must stop sending to, and why. Pure: no I/O.
import { z } from 'zod';

export type SuppressionReason = 'bounce' | 'complaint';

export interface SuppressionNotice {
  address: string;
  reason: SuppressionReason;
}

const recipients = z.array(z.object({ emailAddress: z.string().min(3).max(320) }).loose()).max(1000);

const notificationSchema = z
  .object({
    eventType: z.string().max(40).optional(),
    notificationType: z.string().max(40).optional(),
    bounce: z
      .object({ bounceType: z.string().max(40), bouncedRecipients: recipients })
      .loose()
      .optional(),
    complaint: z.object({ complainedRecipients: recipients }).loose().optional(),
  })
  .loose();

/** The address part of `"Name" <a@b>` or `a@b`, lower-cased. */
function bareAddress(value: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(value);
  return (angled?.[1] ?? value).trim().toLowerCase();
}

/**
 * The addresses one SES notification says to stop sending to: every recipient of a permanent
 * bounce (the address does not exist) and of a complaint (the person marked it as spam).
 * Transient and undetermined bounces (a full mailbox, a greylisting server) suppress nothing.
 * Returns an empty list for a message that is not a bounce or complaint, or is not SES's JSON.
 */
export function suppressionsFromNotification(message: string): SuppressionNotice[] {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return [];
  }
  const parsed = notificationSchema.safeParse(json);
  if (!parsed.success) return [];
  const notification = parsed.data;
  const kind = notification.eventType ?? notification.notificationType;
  if (kind === 'Bounce' && notification.bounce?.bounceType === 'Permanent') {
    return notification.bounce.bouncedRecipients.map((r) => ({
      address: bareAddress(r.emailAddress),
      reason: 'bounce',
    }));
  }
  if (kind === 'Complaint' && notification.complaint) {
    return notification.complaint.complainedRecipients.map((r) => ({
      address: bareAddress(r.emailAddress),
      reason: 'complaint',
    }));
  }
  return [];
}
