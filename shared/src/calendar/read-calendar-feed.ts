// Serving a calendar feed address: the live feed behind the token (pattern 39), counted against
// the address's own throttle before any work, then the user's open follow-ups from 30 days back
// to a year ahead (one page of pattern 5), their associations' names (a batch read) and the
// workspace's events in the same range (pattern 27), built into iCalendar text.
import type { Db } from '../db/client';
import { MAX_PAGE_SIZE } from '../db/operations';
import { getAssociationNames } from '../association/association.store';
import { listEvents } from '../event/event.store';
import { listOpenFollowUpsDue } from '../follow-up/follow-up.store';
import { t, type Locale } from '../i18n/messages';
import { helsinkiDate } from '../time/helsinki';
import { calendarFeedLimit, consumeAttempt } from '../user/throttle.store';
import { getWorkspace } from '../workspace/workspace.store';
import { buildCalendarFeed, calendarFeedRange } from './calendar-feed';
import { findCalendarFeed } from './calendar-feed.store';

/**
 * The feed as text, or undefined for an address that is unknown, regenerated or stopped (the
 * caller answers 404 without saying which). At most MAX_PAGE_SIZE follow-ups, the earliest due
 * first. Fails with TooManyRequestsError when the address is fetched too often.
 */
export async function readCalendarFeed(
  db: Db,
  token: unknown,
  options: { origin: string; locale: Locale },
): Promise<string | undefined> {
  const feed = await findCalendarFeed(db, token);
  if (!feed) return undefined;
  await consumeAttempt(db, { kind: 'calendar-feed', value: feed.tokenHash, ...calendarFeedLimit });
  const now = db.now();
  const range = calendarFeedRange(helsinkiDate(now));
  const [tasks, events, workspace] = await Promise.all([
    listOpenFollowUpsDue(db, feed.workspaceId, { userId: feed.userId }, range, { limit: MAX_PAGE_SIZE }),
    listEvents(db, feed.workspaceId, range),
    getWorkspace(db, feed.workspaceId),
  ]);
  const names = await getAssociationNames(
    db,
    feed.workspaceId,
    tasks.items.map((task) => task.associationId),
  );
  return buildCalendarFeed({
    name: t(options.locale, 'calendar.feedName', { workspace: workspace.name }),
    origin: options.origin,
    untitledTask: t(options.locale, 'calendar.untitledTask'),
    now,
    tasks: tasks.items.map((task) => ({
      id: task.id,
      due: task.due,
      title: task.title,
      associationId: task.associationId,
      associationName: names.get(task.associationId) ?? '–',
    })),
    events: events.map((event) => ({
      id: event.id,
      name: event.name,
      date: event.date,
      startTime: event.startTime,
      place: event.place,
    })),
  });
}
