// The audit log: who did what to which record and when. Entries hold ids and codes only, never
// names, e-mail addresses or free text, so erasing a person never has to rewrite the log.
import { z } from 'zod';

export const AUDIT_SCHEMA_VERSION = 1;

export const auditActions = [
  'login',
  'login.failed',
  'logout',
  'logout.everywhere',
  'workspace.setup',
  'association.create',
  'association.update',
  'association.archive',
  'association.restore',
  'interaction.log',
  'interaction.correct',
  'interaction.delete',
  'workspace.rename',
  'followUp.create',
  'followUp.update',
  'followUp.cancel',
  'followUp.complete',
  'stage.move',
  'person.update',
  'person.rename',
  'membership.add',
  'membership.end',
  'membership.change',
  'person.access',
  'person.erase',
  'settings.update',
  'settings.partnerKinds',
  'member.invite',
  'member.join',
  'member.update',
  'member.reset',
  'password.reset',
  'password.change',
  'member.inviteRevoke',
  'user.rename',
  'export',
  'export.download',
  'import',
  'association.merge',
  'association.changeKind',
  'campaign.create',
  'event.create',
  'event.update',
  'event.register',
  'event.attendance',
  'event.feedback',
  'access.denied',
  'calendarFeed.on',
  'calendarFeed.off',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = [
  'association',
  'interaction',
  'followUp',
  'person',
  'user',
  'workspace',
  'job',
  'campaign',
  'event',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export interface AuditEntry {
  sv: number;
  id: string;
  workspaceId: string;
  at: string;
  /** The user who acted (a user id), or `system` for scripts. */
  actorId: string;
  action: AuditAction;
  entityType?: AuditEntityType;
  entityId?: string;
  /** The association a record belongs to, so its page can be linked. */
  associationId?: string;
}

export const auditFilterSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'msg:date.format' }),
  action: z.preprocess((v) => (v === '' ? undefined : v), z.enum(auditActions).optional()),
  actorId: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  ),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
