// The single DynamoDB table: its keys, indexes and every access pattern, defined once.
// CDK (infra/) and the local dynalite runtime both create the table from `tableDefinition`.
//
// Every workspace item key starts with `WS#<workspace>#`. Ids are validated ULIDs and workspace
// ids are slugs, so no value from outside can contain the `#` separator.

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  indexes: IndexDefinition[];
}

export const tableDefinition: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
};

export type IndexName = 'gsi1' | 'gsi2';

export interface AccessPattern {
  id: string;
  name: string;
  index: 'table' | IndexName;
  key: string;
}

/**
 * The access patterns. Their integration tests sit beside the store that serves them, named
 * `pattern <id>: …` (e.g. association/association.store.int.test.ts, interaction/log-contact.int.test.ts).
 */
export const accessPatterns = [
  // Also read in batches of 100 (id and kind only) by the report: the kinds of the organisations
  // contacted in the period, so its cost grows with the period's activity (report.store.ts).
  // The association page reads each merged duplicate's profile and stage history too (a handful at
  // most per survivor, so bounded per association, not by the workspace).
  { id: '1', name: 'association profile', index: 'table', key: 'pk WS#w#ASSOC#a, sk PROFILE' },
  // Partners are on it like associations (an organisation's kind is an attribute, filtered in code
  // from the projected entries as the type filter is); removing a partner kind in the settings
  // reads it once to refuse a kind still in use (partner-kind-settings.ts). Declared costs that
  // grow with the workspace (held to their allowance in test/bench/page-cost.int.test.ts): the
  // default view drops archived entries in code (a page may read a few more than it shows); every
  // filter other than municipality (13) and stage (7), free text, sorting by last contact, the
  // campaign preview and the merge page's suggestion read all entries until "Search" indexes them.
  {
    id: '2',
    name: 'directory in Finnish name order',
    index: 'gsi1',
    key: 'gsi1pk WS#w#ASSOCS, gsi1sk <collation key>\\u0001<id>',
  },
  // Deleted contacts are a filter (kept as records): a page may read a few more than it shows.
  {
    id: '3',
    name: 'association timeline, newest first',
    index: 'table',
    key: 'pk WS#w#ASSOC#a, sk begins_with INT#<occurredAt>#<id>',
  },
  {
    id: '4a',
    name: 'people of an association (an item per role period; one person: begins_with MEMBER#<person>#)',
    index: 'table',
    key: 'pk WS#w#ASSOC#a, sk begins_with MEMBER#<person>#<role period>',
  },
  {
    id: '4b',
    name: 'associations of a person',
    index: 'gsi1',
    key: 'gsi1pk WS#w#PERSON#p, gsi1sk MEMBER#<association>#<role period>',
  },
  // The status is a filter: done and cancelled follow-ups are read too. Bounded per association (a
  // few dozen over years), not by the workspace; the story (41) reads the same items.
  {
    id: '4c',
    name: 'open follow-ups of an association',
    index: 'table',
    key: 'pk WS#w#ASSOC#a, sk begins_with FOLLOWUP#, status = open',
  },
  {
    id: '5',
    name: 'my open follow-ups by due date (a range per task group; counted up to 1000 per group)',
    index: 'gsi1',
    key: 'gsi1pk WS#w#USER#u#OPEN (a team task: WS#w#TEAMTASKS#OPEN), gsi1sk DUE#<date>#<id> (sparse)',
  },
  {
    id: '6',
    name: "team's open follow-ups by due date (a range per task group; counted up to 1000 per group)",
    index: 'gsi2',
    key: 'gsi2pk WS#w#OPEN, gsi2sk DUE#<date>#<id> (sparse)',
  },
  // Associations only: a partner's profile has no stage and so no gsi2 keys (organisation-kind.ts).
  // Each column is also counted (COUNT on the same key), a declared, bounded cost: the board counts
  // every column up to 100 ("100+"), so it costs the same whatever the data size; a stage shown
  // alone counts up to 1000 (STAGE_COUNT_CAP), so that page's cost grows with its column up to that
  // (an exact count there would need counters kept by every stage write, and repaired).
  {
    id: '7',
    name: 'pipeline column: associations in a stage (counted up to 100 on the board, 1000 alone)',
    index: 'gsi2',
    key: 'gsi2pk WS#w#STAGE#s, gsi2sk <enteredAt>#<id>',
  },
  {
    id: '8',
    name: 'stage history of an association',
    index: 'table',
    key: 'pk WS#w#ASSOC#a, sk begins_with STAGE#<seq>',
  },
  {
    id: '9',
    name: 'interactions in a Helsinki month',
    index: 'gsi1',
    key: 'gsi1pk WS#w#INT#yyyy-mm, gsi1sk <occurredAt>#<id>',
  },
  { id: '10', name: 'person profile', index: 'table', key: 'pk WS#w#PERSON#p, sk PROFILE' },
  { id: '11', name: 'workspace settings', index: 'table', key: 'pk WS#w, sk WORKSPACE' },
  {
    id: '12',
    name: 'interaction by id (idempotency record)',
    index: 'table',
    key: 'pk WS#w#ASSOC#a, sk INTREF#<id>',
  },
  {
    id: '13',
    name: 'associations of a municipality in Finnish name order',
    index: 'gsi1',
    key: 'gsi1pk WS#w#MUNI#<municipality>, gsi1sk <collation key>\\u0001<id> (entry items, then a batch read)',
  },
  {
    id: '14',
    name: 'user by id; user by e-mail (lookup item keyed by the e-mail hash)',
    index: 'table',
    key: 'pk USER#u, sk PROFILE; pk EMAIL#<sha256>, sk EMAIL',
  },
  {
    id: '15',
    name: 'session by token hash',
    index: 'table',
    key: 'pk SESSION#<sha256>, sk SESSION',
  },
  {
    id: '16',
    name: 'one-time token (invite, password reset, setup) or throttle counter (GCRA; a used feedback stamp is a limit-1 counter) by hash',
    index: 'table',
    key: 'pk TOKEN#<sha256> / THROTTLE#<sha256>, sk TOKEN / THROTTLE',
  },
  {
    id: '17',
    name: 'members of a workspace (and one membership by user)',
    index: 'table',
    key: 'pk WS#w#MEMBERS, sk USER#u',
  },
  {
    id: '18',
    name: 'workspaces of a user',
    index: 'gsi1',
    key: 'gsi1pk USER#u#WORKSPACES, gsi1sk WS#w',
  },
  {
    id: '19',
    name: 'audit log of a Helsinki month, newest first',
    index: 'table',
    key: 'pk WS#w#AUDIT#yyyy-mm, sk <at>#<id>',
  },
  {
    id: '20',
    name: 'all workspaces (daily reminders)',
    index: 'gsi1',
    key: 'gsi1pk WORKSPACES, gsi1sk WS#w',
  },
  {
    id: '21',
    name: 'reminder digest of a user on a Helsinki day',
    index: 'table',
    key: 'pk WS#w#DIGEST#yyyy-mm-dd, sk USER#u',
  },
  { id: '22', name: 'background job by id', index: 'table', key: 'pk WS#w#JOB#j, sk JOB' },
  {
    id: '23',
    name: 'recent background jobs of a kind, newest first',
    index: 'gsi1',
    key: 'gsi1pk WS#w#JOBS#<kind>, gsi1sk <createdAt>#<id>',
  },
  { id: '24', name: 'spreadsheet import by id', index: 'table', key: 'pk WS#w#IMPORT#i, sk IMPORT' },
  {
    id: '25',
    name: 'campaigns, newest first',
    index: 'gsi1',
    key: 'gsi1pk WS#w#CAMPAIGNS, gsi1sk <createdAt>#<id>',
  },
  {
    id: '26',
    name: 'campaign with its call list',
    index: 'table',
    key: 'pk WS#w#CAMPAIGN#c, sk CAMPAIGN and ROW#<association>',
  },
  { id: '27', name: 'events by date', index: 'gsi1', key: 'gsi1pk WS#w#EVENTS, gsi1sk <date>#<id>' },
  {
    id: '28',
    name: 'event with its registrations and feedback',
    index: 'table',
    key: 'pk WS#w#EVENT#e, sk EVENT, REG#<id> and FEEDBACK#<id>',
  },
  {
    id: '29',
    name: 'event registrations of a person',
    index: 'gsi1',
    key: 'gsi1pk WS#w#PERSON#p, gsi1sk begins_with REG#<event>#<registration>',
  },
  {
    id: '30',
    name: 'public feedback link by token hash',
    index: 'table',
    key: 'pk FEEDBACKLINK#<sha256>, sk LINK',
  },
  {
    id: '31',
    name: 'stage changes in a Helsinki month',
    index: 'gsi1',
    key: 'gsi1pk WS#w#MOVES#yyyy-mm, gsi1sk <at>#<association>#<seq>',
  },
  {
    id: '32',
    name: 'follow-ups completed in a Helsinki month',
    index: 'gsi2',
    key: 'gsi2pk WS#w#DONE#yyyy-mm, gsi2sk <completedAt>#<id> (sparse)',
  },
  {
    id: '33',
    name: 'mail suppression of an address (bounced or complained) by e-mail hash',
    index: 'table',
    key: 'pk MAILSUPPRESS#<sha256>, sk SUPPRESS',
  },
  {
    id: '40',
    name: 'member associations of an umbrella association (a liitto, a piiri) in Finnish name order',
    index: 'gsi1',
    key:
      'gsi1pk WS#w#CHILDREN#<parent>, gsi1sk <collation key>\\u0001<id> ' +
      '(an entry item per association with a parent, then a batch read of the page)',
  },
  {
    id: '36',
    name: 'people directory in Finnish name order (and by the start of a name)',
    index: 'gsi1',
    key: 'gsi1pk WS#w#PEOPLE, gsi1sk <collation key>\\u0001<id> (on the person item; begins_with for a prefix)',
  },
  {
    id: '35',
    name: 'pending invitations of a workspace (only the token hash)',
    index: 'table',
    key: 'pk WS#w#INVITES, sk INVITE#<sha256> (a handful; expired ones left out in code)',
  },
  {
    id: '34',
    name:
      'likely duplicates of an association (same Y-tunnus, register number, or similar name in a municipality); ' +
      'the directory search by phone number, e-mail address, Y-tunnus or register number',
    index: 'gsi1',
    key:
      'gsi1pk WS#w#DUP#<key>, gsi1sk <id> (entry items, keys y:, r:, n:, and p:<E.164>, e:<address> for search; ' +
      'one query per key, at most 22 for duplicates and 2 for a search, then a batch read)',
  },
  {
    id: '37',
    name: 'contacts where a person was met, newest first (a page of entries, then a batch read of their interactions and one of their associations)',
    index: 'table',
    key:
      'pk WS#w#PERSON#p, sk begins_with MET#<occurredAt>#<interaction> (reverse entries of the interactions; ' +
      '1 query + 2 batch reads a page, whatever the data size)',
  },
  {
    id: '38',
    name: 'campaign rows of an association (their copies of its name, kept right on rename)',
    index: 'gsi1',
    key: 'gsi1pk WS#w#ASSOC#a#ROWS, gsi1sk <campaign> (on the row item; one query per rename)',
  },
  {
    id: '39',
    name: 'calendar feed by token hash, and the current feed of a user in a workspace (only its hash)',
    index: 'table',
    key:
      'pk CALFEED#<sha256>, sk FEED; pk WS#w#CALFEEDS, sk USER#u (a feed request: 1 get, 1 batch read of ' +
      'the user, membership and current feed, then one page of pattern 5, a batch read of names and pattern 27)',
  },
  // The follow-ups of the association are read whole for every page (as 4c reads them): bounded
  // per association (a few dozen in years), not by the workspace; a year of weekly tasks would
  // still be one query.
  {
    id: '41',
    name: "an association's story, newest first: contacts, stage changes and tasks created and done",
    index: 'table',
    key:
      'pk WS#w#ASSOC#a: a page of begins_with INT#, a page of begins_with STAGE# (both newest first) and ' +
      'all of begins_with FOLLOWUP#, merged behind one cursor (3 queries a page)',
  },
] as const satisfies readonly AccessPattern[];

/** Separates a collation key from the id that breaks ties; lower than any key character. */
const COLLATION_SEPARATOR = '\u0001';
const SEQ_WIDTH = 8;

export const itemTypes = [
  'workspace',
  'association',
  'person',
  'membership',
  'interaction',
  'interactionRef',
  'followUp',
  'stageChange',
  'municipalityEntry',
  'duplicateEntry',
  'parentEntry',
  'invitation',
  'user',
  'emailLookup',
  'member',
  'session',
  'token',
  'throttle',
  'audit',
  'erasure',
  'digest',
  'importMarker',
  'job',
  'importSession',
  'campaign',
  'campaignRow',
  'contactMet',
  'event',
  'registration',
  'feedback',
  'feedbackLink',
  'mailSuppression',
  'calendarFeed',
  'calendarFeedOfUser',
] as const;
export type ItemType = (typeof itemTypes)[number];

/**
 * Key builders: the only place that knows how keys are spelled. Global items (users, e-mail
 * lookups, sessions, one-time tokens, throttle counters, public feedback links, mail suppressions, calendar feeds) are the only keys
 * outside `WS#`: they are needed before a workspace is known. E-mail addresses and tokens appear only as SHA-256 hashes.
 */
export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  emailLookup: (emailHash: string) => ({ pk: `EMAIL#${emailHash}`, sk: 'EMAIL' }),
  member: (ws: string, userId: string) => ({
    pk: `WS#${ws}#MEMBERS`,
    sk: `USER#${userId}`,
    gsi1pk: `USER#${userId}#WORKSPACES`,
    gsi1sk: `WS#${ws}`,
  }),
  membersPartition: (ws: string) => `WS#${ws}#MEMBERS`,
  userWorkspacesPartition: (userId: string) => `USER#${userId}#WORKSPACES`,
  session: (tokenHash: string) => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' }),
  token: (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  throttle: (keyHash: string) => ({ pk: `THROTTLE#${keyHash}`, sk: 'THROTTLE' }),
  mailSuppression: (emailHash: string) => ({ pk: `MAILSUPPRESS#${emailHash}`, sk: 'SUPPRESS' }),
  invitation: (ws: string, tokenHash: string) => ({ pk: `WS#${ws}#INVITES`, sk: `INVITE#${tokenHash}` }),
  invitationsPartition: (ws: string) => `WS#${ws}#INVITES`,
  audit: (ws: string, month: string, at: string, id: string) => ({
    pk: `WS#${ws}#AUDIT#${month}`,
    sk: `${at}#${id}`,
  }),
  auditPartition: (ws: string, month: string) => `WS#${ws}#AUDIT#${month}`,
  /** What remains of an erased person: the id and the time, so imports never bring them back. */
  erasure: (ws: string, personId: string) => ({ pk: `WS#${ws}#ERASED`, sk: `PERSON#${personId}` }),
  erasedPartition: (ws: string) => `WS#${ws}#ERASED`,
  workspace: (ws: string) => ({ pk: `WS#${ws}`, sk: 'WORKSPACE' }),
  /** Index keys of the workspace item: every workspace, for jobs that visit them all. */
  workspaceListEntry: (ws: string) => ({ gsi1pk: 'WORKSPACES', gsi1sk: `WS#${ws}` }),
  workspacesPartition: 'WORKSPACES',
  /** Which handover package an import into the workspace came from (so only it may resume). */
  importMarker: (ws: string) => ({ pk: `WS#${ws}`, sk: 'IMPORT' }),
  digest: (ws: string, date: string, userId: string) => ({
    pk: `WS#${ws}#DIGEST#${date}`,
    sk: `USER#${userId}`,
  }),
  job: (ws: string, id: string) => ({ pk: `WS#${ws}#JOB#${id}`, sk: 'JOB' }),
  importSession: (ws: string, id: string) => ({ pk: `WS#${ws}#IMPORT#${id}`, sk: 'IMPORT' }),
  jobList: (ws: string, kind: string, createdAt: string, id: string) => ({
    gsi1pk: `WS#${ws}#JOBS#${kind}`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  jobListPartition: (ws: string, kind: string) => `WS#${ws}#JOBS#${kind}`,
  association: (ws: string, id: string) => ({ pk: `WS#${ws}#ASSOC#${id}`, sk: 'PROFILE' }),
  associationPartition: (ws: string, id: string) => `WS#${ws}#ASSOC#${id}`,
  directory: (ws: string, collationKey: string, id: string) => ({
    gsi1pk: `WS#${ws}#ASSOCS`,
    gsi1sk: `${collationKey}${COLLATION_SEPARATOR}${id}`,
  }),
  directoryPartition: (ws: string) => `WS#${ws}#ASSOCS`,
  stageColumn: (ws: string, stage: string, enteredAt: string, id: string) => ({
    gsi2pk: `WS#${ws}#STAGE#${stage}`,
    gsi2sk: `${enteredAt}#${id}`,
  }),
  stageColumnPartition: (ws: string, stage: string) => `WS#${ws}#STAGE#${stage}`,
  person: (ws: string, id: string) => ({ pk: `WS#${ws}#PERSON#${id}`, sk: 'PROFILE' }),
  /** Index keys of a person item: the people directory (pattern 36). */
  peopleDirectory: (ws: string, collationKey: string, id: string) => ({
    gsi1pk: `WS#${ws}#PEOPLE`,
    gsi1sk: `${collationKey}${COLLATION_SEPARATOR}${id}`,
  }),
  peoplePartition: (ws: string) => `WS#${ws}#PEOPLE`,
  /** One role period of a person in an association ("secretary 2019–2022" and "chair 2022–" are two). */
  membership: (ws: string, associationId: string, personId: string, roleId: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `MEMBER#${personId}#${roleId}`,
    gsi1pk: `WS#${ws}#PERSON#${personId}`,
    gsi1sk: `MEMBER#${associationId}#${roleId}`,
  }),
  /** The sort-key prefix of one person's role periods in an association (pattern 4a). */
  rolesOfPersonPrefix: (personId: string) => `MEMBER#${personId}#`,
  personPartition: (ws: string, personId: string) => `WS#${ws}#PERSON#${personId}`,
  /** A reverse entry of an interaction in the partition of each person met (pattern 37). */
  contactMet: (ws: string, personId: string, occurredAt: string, interactionId: string) => ({
    pk: `WS#${ws}#PERSON#${personId}`,
    sk: `MET#${occurredAt}#${interactionId}`,
  }),
  interaction: (ws: string, associationId: string, occurredAt: string, id: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `INT#${occurredAt}#${id}`,
  }),
  /** Records the key an interaction id was first logged under, so a retry cannot log it twice. */
  interactionRef: (ws: string, associationId: string, id: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `INTREF#${id}`,
  }),
  interactionMonth: (ws: string, month: string, occurredAt: string, id: string) => ({
    gsi1pk: `WS#${ws}#INT#${month}`,
    gsi1sk: `${occurredAt}#${id}`,
  }),
  interactionMonthPartition: (ws: string, month: string) => `WS#${ws}#INT#${month}`,
  followUp: (ws: string, associationId: string, id: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `FOLLOWUP#${id}`,
  }),
  /** A team task (no assignee) is in nobody's own list: its gsi1 partition is the team's tasks. */
  openFollowUpIndexes: (ws: string, assigneeId: string | undefined, due: string, id: string) => ({
    gsi1pk:
      assigneeId === undefined
        ? keys.teamTasksOpenPartition(ws)
        : keys.myOpenFollowUpsPartition(ws, assigneeId),
    gsi1sk: `DUE#${due}#${id}`,
    gsi2pk: `WS#${ws}#OPEN`,
    gsi2sk: `DUE#${due}#${id}`,
  }),
  myOpenFollowUpsPartition: (ws: string, userId: string) => `WS#${ws}#USER#${userId}#OPEN`,
  /** The open team tasks (no assignee) of a workspace, on gsi1 beside each user's own. */
  teamTasksOpenPartition: (ws: string) => `WS#${ws}#TEAMTASKS#OPEN`,
  teamOpenFollowUpsPartition: (ws: string) => `WS#${ws}#OPEN`,
  /** A directory entry per municipality of an association; the name is URI-encoded (no `#`). */
  municipalityEntry: (ws: string, associationId: string, municipality: string, collationKey: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `MUNI#${encodeURIComponent(municipality)}`,
    gsi1pk: `WS#${ws}#MUNI#${encodeURIComponent(municipality)}`,
    gsi1sk: `${collationKey}${COLLATION_SEPARATOR}${associationId}`,
  }),
  /** A lookup entry per duplicate key of an association (association-duplicates.ts); URI-encoded. */
  duplicateEntry: (ws: string, associationId: string, duplicateKey: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `DUP#${encodeURIComponent(duplicateKey)}`,
    gsi1pk: `WS#${ws}#DUP#${encodeURIComponent(duplicateKey)}`,
    gsi1sk: associationId,
  }),
  /** The entry of an association under its parent (pattern 40): re-keyed by every profile write. */
  parentEntry: (ws: string, associationId: string, parentId: string, collationKey: string) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `PARENT#${parentId}`,
    gsi1pk: `WS#${ws}#CHILDREN#${parentId}`,
    gsi1sk: `${collationKey}${COLLATION_SEPARATOR}${associationId}`,
  }),
  childrenPartition: (ws: string, parentId: string) => `WS#${ws}#CHILDREN#${parentId}`,
  duplicatePartition: (ws: string, duplicateKey: string) =>
    `WS#${ws}#DUP#${encodeURIComponent(duplicateKey)}`,
  municipalityPartition: (ws: string, municipality: string) =>
    `WS#${ws}#MUNI#${encodeURIComponent(municipality)}`,
  stageChange: (ws: string, associationId: string, seq: number) => ({
    pk: `WS#${ws}#ASSOC#${associationId}`,
    sk: `STAGE#${String(seq).padStart(SEQ_WIDTH, '0')}`,
  }),
  /** Index keys of a stage change: the Helsinki month it happened in (reports). */
  stageChangeMonth: (ws: string, month: string, at: string, associationId: string, seq: number) => ({
    gsi1pk: `WS#${ws}#MOVES#${month}`,
    gsi1sk: `${at}#${associationId}#${String(seq).padStart(SEQ_WIDTH, '0')}`,
  }),
  stageChangeMonthPartition: (ws: string, month: string) => `WS#${ws}#MOVES#${month}`,
  /** Index keys of a completed follow-up: the Helsinki month it was done in (reports). */
  doneFollowUpMonth: (ws: string, month: string, completedAt: string, id: string) => ({
    gsi2pk: `WS#${ws}#DONE#${month}`,
    gsi2sk: `${completedAt}#${id}`,
  }),
  doneFollowUpMonthPartition: (ws: string, month: string) => `WS#${ws}#DONE#${month}`,
  campaign: (ws: string, id: string) => ({
    pk: `WS#${ws}#CAMPAIGN#${id}`,
    sk: 'CAMPAIGN',
  }),
  campaignList: (ws: string, createdAt: string, id: string) => ({
    gsi1pk: `WS#${ws}#CAMPAIGNS`,
    gsi1sk: `${createdAt}#${id}`,
  }),
  campaignListPartition: (ws: string) => `WS#${ws}#CAMPAIGNS`,
  campaignPartition: (ws: string, id: string) => `WS#${ws}#CAMPAIGN#${id}`,
  campaignRow: (ws: string, campaignId: string, associationId: string) => ({
    pk: `WS#${ws}#CAMPAIGN#${campaignId}`,
    sk: `ROW#${associationId}`,
  }),
  /** Index keys of a campaign row: the rows of an association, whose name they copy (pattern 38). */
  campaignRowOfAssociation: (ws: string, associationId: string, campaignId: string) => ({
    gsi1pk: `WS#${ws}#ASSOC#${associationId}#ROWS`,
    gsi1sk: campaignId,
  }),
  campaignRowsOfAssociationPartition: (ws: string, associationId: string) =>
    `WS#${ws}#ASSOC#${associationId}#ROWS`,
  event: (ws: string, id: string) => ({ pk: `WS#${ws}#EVENT#${id}`, sk: 'EVENT' }),
  eventList: (ws: string, date: string, id: string) => ({
    gsi1pk: `WS#${ws}#EVENTS`,
    gsi1sk: `${date}#${id}`,
  }),
  eventListPartition: (ws: string) => `WS#${ws}#EVENTS`,
  eventPartition: (ws: string, id: string) => `WS#${ws}#EVENT#${id}`,
  registration: (ws: string, eventId: string, id: string) => ({
    pk: `WS#${ws}#EVENT#${eventId}`,
    sk: `REG#${id}`,
  }),
  /** Index keys of a registration of a known person, so erasure and access find it. */
  registrationOfPerson: (ws: string, personId: string, eventId: string, id: string) => ({
    gsi1pk: `WS#${ws}#PERSON#${personId}`,
    gsi1sk: `REG#${eventId}#${id}`,
  }),
  feedback: (ws: string, eventId: string, id: string) => ({
    pk: `WS#${ws}#EVENT#${eventId}`,
    sk: `FEEDBACK#${id}`,
  }),
  feedbackLink: (tokenHash: string) => ({ pk: `FEEDBACKLINK#${tokenHash}`, sk: 'LINK' }),
  /** A calendar feed address's lookup (pattern 39): which user's feed of which workspace. */
  calendarFeed: (tokenHash: string) => ({ pk: `CALFEED#${tokenHash}`, sk: 'FEED' }),
  /** The current feed of a user in a workspace: the hash of its token, so a new one voids the old. */
  calendarFeedOfUser: (ws: string, userId: string) => ({ pk: `WS#${ws}#CALFEEDS`, sk: `USER#${userId}` }),
} as const;

export const sortKeyPrefixes = {
  interaction: 'INT#',
  /** Idempotency records of interactions (pattern 12); repair lists them to remove orphans. */
  interactionRef: 'INTREF#',
  membership: 'MEMBER#',
  followUp: 'FOLLOWUP#',
  stageChange: 'STAGE#',
  municipalityEntry: 'MUNI#',
  duplicateEntry: 'DUP#',
  parentEntry: 'PARENT#',
  campaignRow: 'ROW#',
  /** Reverse entries of the contacts a person was met in (pattern 37), in the person's partition. */
  contactMet: 'MET#',
  registration: 'REG#',
  feedback: 'FEEDBACK#',
} as const;

/** The key attributes of an item, never part of the domain objects returned by stores. */
export const keyAttributes = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type'] as const;

export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of keyAttributes) delete copy[attribute];
  return copy as T;
}
