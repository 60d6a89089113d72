import { describe, expect, it } from 'vitest';
import { buildDigests } from './reminder-digest';

const recipients = [
  { userId: 'anna', name: 'Anna', email: 'anna@example.invalid' },
  { userId: 'ville', name: 'Ville', email: 'ville@example.invalid' },
];
const associationNames = new Map([
  ['a1', 'Aapisen Kerho ry'],
  ['a2', 'Öljymäen Kyläyhdistys ry'],
]);

describe('buildDigests', () => {
  it('puts each task in its assignee’s digest and a team task in everyone’s', () => {
    const digests = buildDigests({
      date: '2026-12-03',
      workspaceName: 'Pohjois-Savo',
      recipients,
      associationNames,
      followUps: [
        { due: '2026-12-01', assigneeId: 'anna', associationId: 'a1', title: 'Soita', status: 'open' },
        { due: '2026-12-03', associationId: 'a2', title: 'Kuka ehtii?', status: 'open' },
        { due: '2026-12-04', associationId: 'a2', title: 'Huomenna', status: 'open' },
        { due: '2026-12-02', assigneeId: 'ville', associationId: 'a1', title: 'Tehty', status: 'done' },
      ],
    });
    expect(
      digests.map((d) => [d.recipient.userId, d.overdue.map((l) => l.title), d.today.map((l) => l.title)]),
    ).toEqual([
      ['anna', ['Soita'], ['Kuka ehtii?']],
      ['ville', [], ['Kuka ehtii?']],
    ]);
  });
});
