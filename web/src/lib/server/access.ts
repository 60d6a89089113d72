// Who may do what: every route and every form action, with the least role it needs and what the
// audit log records when it succeeds. The server hook enforces this table on every request, and
// access.test.ts checks that every route in src/routes is listed here (a new route without a rule
// is denied).
import type { AuditAction, AuditEntityType } from '@kohtaamo/shared/audit/audit';
import type { Role } from '@kohtaamo/shared/user/user.schema';

/** `public`: anyone; `signed-in`: any logged-in user, also before a workspace is chosen. */
export type Need = 'public' | 'signed-in' | Role;

export interface ActionRule {
  need: Need;
  audit?: {
    action: AuditAction;
    entity?: AuditEntityType;
    from?: 'id' | 'interactionId' | 'associationId' | 'followUpId';
  };
}

export interface RoutePolicy {
  /** Reading the page (GET/HEAD), or any method of a +server.ts endpoint without `actions`. */
  view: Need;
  /** Form actions by name (`default` for an unnamed one), or endpoint methods such as POST. */
  actions?: Record<string, ActionRule>;
  /** A +server.ts endpoint: `actions` are keyed by HTTP method. */
  endpoint?: true;
}

const onAssociation = (action: AuditAction): ActionRule => ({
  need: 'staff',
  audit: { action, entity: 'association', from: 'id' },
});

export const routePolicies: Record<string, RoutePolicy> = {
  '/': { view: 'viewer' },
  '/associations': { view: 'viewer' },
  '/people': { view: 'viewer' },
  '/associations/new': {
    view: 'staff',
    actions: { create: { need: 'staff', audit: { action: 'association.create', entity: 'association' } } },
  },
  '/associations/[id=id]': {
    view: 'viewer',
    actions: {
      logContact: onAssociation('interaction.log'),
      completeFollowUp: onAssociation('followUp.complete'),
      archive: onAssociation('association.archive'),
      restore: onAssociation('association.restore'),
      moveStage: onAssociation('stage.move'),
      addTask: { need: 'staff', audit: { action: 'followUp.create', entity: 'followUp' } },
      addPerson: { need: 'staff', audit: { action: 'membership.add', entity: 'person' } },
      endRole: onAssociation('membership.end'),
      changeRole: onAssociation('membership.change'),
    },
  },
  '/associations/[id=id]/follow-ups/[followUpId=id]': {
    view: 'staff',
    actions: {
      save: { need: 'staff', audit: { action: 'followUp.update', entity: 'followUp', from: 'followUpId' } },
      cancel: { need: 'staff', audit: { action: 'followUp.cancel', entity: 'followUp', from: 'followUpId' } },
    },
  },
  // merge records its own audit entry (the duplicate and the survivor, once it is done)
  '/associations/[id=id]/merge': { view: 'staff', actions: { merge: { need: 'staff' } } },
  '/associations/[id=id]/edit': {
    view: 'staff',
    actions: {
      save: onAssociation('association.update'),
      changeKind: onAssociation('association.changeKind'),
    },
  },
  '/associations/[id=id]/interactions/[interactionId=id]': {
    view: 'staff',
    actions: {
      correct: {
        need: 'staff',
        audit: { action: 'interaction.correct', entity: 'interaction', from: 'interactionId' },
      },
      delete: {
        need: 'staff',
        audit: { action: 'interaction.delete', entity: 'interaction', from: 'interactionId' },
      },
    },
  },
  '/tasks': {
    view: 'viewer',
    actions: {
      complete: { need: 'staff', audit: { action: 'followUp.complete', entity: 'followUp' } },
      snooze: { need: 'staff', audit: { action: 'followUp.update', entity: 'followUp' } },
      reassign: { need: 'staff', audit: { action: 'followUp.update', entity: 'followUp' } },
      // Audited per task by applyToTasks (one entry for each task it changed).
      bulk: { need: 'staff' },
    },
  },
  '/pipeline': { view: 'viewer', actions: { move: { need: 'staff', audit: { action: 'stage.move' } } } },
  '/campaigns': { view: 'viewer' },
  '/campaigns/new': {
    view: 'staff',
    actions: { create: { need: 'staff', audit: { action: 'campaign.create', entity: 'campaign' } } },
  },
  '/campaigns/[id=id]': {
    view: 'viewer',
    actions: { next: { need: 'staff' }, claim: { need: 'staff' } },
  },
  // log records the call itself (an interaction of the association) in the audit log.
  '/campaigns/[id=id]/call/[associationId=id]': {
    view: 'staff',
    actions: {
      log: {
        need: 'staff',
        audit: { action: 'interaction.log', entity: 'association', from: 'associationId' },
      },
      skip: { need: 'staff' },
    },
  },
  '/events': { view: 'viewer' },
  '/events/new': {
    view: 'staff',
    actions: { create: { need: 'staff', audit: { action: 'event.create', entity: 'event' } } },
  },
  '/events/[id=id]': {
    view: 'viewer',
    actions: {
      register: { need: 'staff', audit: { action: 'event.register', entity: 'event', from: 'id' } },
      unregister: { need: 'staff', audit: { action: 'event.register', entity: 'event', from: 'id' } },
      feedbackLink: { need: 'staff', audit: { action: 'event.update', entity: 'event', from: 'id' } },
    },
  },
  '/events/[id=id]/edit': {
    view: 'staff',
    actions: { save: { need: 'staff', audit: { action: 'event.update', entity: 'event', from: 'id' } } },
  },
  '/events/[id=id]/attendance': {
    view: 'staff',
    actions: { save: { need: 'staff', audit: { action: 'event.attendance', entity: 'event', from: 'id' } } },
  },
  '/events/[id=id]/feedback': {
    view: 'staff',
    actions: { save: { need: 'staff', audit: { action: 'event.feedback', entity: 'event', from: 'id' } } },
  },
  // Public: anyone with the link; throttled per address and per event, no personal data asked.
  '/feedback/[token]': { view: 'public', actions: { default: { need: 'public' } } },
  '/reports': { view: 'viewer' },
  '/reports/rows': { view: 'viewer' },
  '/reports/export.csv': { view: 'viewer', endpoint: true },
  '/reports/export.xlsx': { view: 'viewer', endpoint: true },
  '/people/[id=id]': {
    view: 'viewer',
    actions: {
      save: { need: 'staff', audit: { action: 'person.update', entity: 'person', from: 'id' } },
      rename: { need: 'staff', audit: { action: 'person.rename', entity: 'person', from: 'id' } },
      // erase records its own audit entry (the person id, after the erasure succeeded)
      erase: { need: 'admin' },
    },
  },
  '/people/[id=id]/access': { view: 'admin' },
  '/people/[id=id]/access.json': { view: 'admin', endpoint: true },
  '/privacy': { view: 'viewer' },
  '/settings': {
    view: 'admin',
    actions: {
      save: { need: 'admin', audit: { action: 'settings.update', entity: 'workspace' } },
      savePartnerKinds: { need: 'admin', audit: { action: 'settings.partnerKinds', entity: 'workspace' } },
      rename: { need: 'admin', audit: { action: 'workspace.rename', entity: 'workspace' } },
    },
  },
  '/admin/users': {
    view: 'admin',
    actions: {
      // invite and reset record their own entries (inside the account flows)
      invite: { need: 'admin' },
      resendInvite: { need: 'admin' },
      revokeInvite: { need: 'admin' },
      reset: { need: 'admin' },
      update: { need: 'admin', audit: { action: 'member.update', entity: 'user' } },
    },
  },
  '/admin/audit': { view: 'admin' },
  // The job records `export` when the package is complete, the download `export.download`.
  '/admin/handover': { view: 'admin', actions: { start: { need: 'admin' } } },
  '/admin/handover/[jobId=id]': { view: 'admin', actions: { retry: { need: 'admin' } } },
  '/admin/handover/[jobId=id]/download': { view: 'admin', endpoint: true },
  // The import job records `import` when it has run.
  '/admin/import': { view: 'admin' },
  '/admin/import/[id=id]': {
    view: 'admin',
    actions: {
      check: { need: 'admin' },
      columns: { need: 'admin' },
      start: { need: 'admin' },
      retry: { need: 'admin' },
    },
  },
  // Local uploads only (AWS uploads go straight to the export bucket).
  '/uploads': { view: 'admin', endpoint: true, actions: { POST: { need: 'admin' } } },
  '/account': {
    view: 'signed-in',
    // rename and changePassword record their own audit entries, in every workspace of the user.
    actions: {
      logout: { need: 'signed-in' },
      logoutEverywhere: { need: 'signed-in' },
      rename: { need: 'signed-in' },
      changePassword: { need: 'signed-in' },
      // The calendar address belongs to a membership: any role, once a workspace is chosen.
      calendarOn: { need: 'viewer', audit: { action: 'calendarFeed.on', entity: 'user' } },
      calendarOff: { need: 'viewer', audit: { action: 'calendarFeed.off', entity: 'user' } },
    },
  },
  // Public: the private calendar address (the token is the key); throttled per address, no-store.
  '/calendar/[token].ics': { view: 'public', endpoint: true },
  '/workspaces': { view: 'signed-in', actions: { choose: { need: 'signed-in' } } },
  '/login': { view: 'public', actions: { default: { need: 'public' } } },
  '/setup/[token]': { view: 'public', actions: { default: { need: 'public' } } },
  '/invite/[token]': { view: 'public', actions: { default: { need: 'public' } } },
  '/reset/[token]': { view: 'public', actions: { default: { need: 'public' } } },
  '/language': { view: 'public', endpoint: true, actions: { POST: { need: 'public' } } },
};

/** The form action a request calls: `?/name`, or `default`. */
function actionName(url: URL): string {
  for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
  return 'default';
}

/** What a request needs, or undefined when no rule covers it (then it is denied). */
export function ruleFor(routeId: string, method: string, url: URL): ActionRule | undefined {
  const policy = routePolicies[routeId];
  if (!policy) return undefined;
  if (method === 'GET' || method === 'HEAD') return { need: policy.view };
  return policy.actions?.[policy.endpoint ? method : actionName(url)];
}
