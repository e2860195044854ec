import { describe, expect, it } from 'vitest';
import { nextDue } from './next-due.ts';
import type { DevEvent } from './steps.ts';

const ev = (step: DevEvent['step'], on: string, data: DevEvent['data'] = {}) => ({ step, on, data });
const due = (events: ReturnType<typeof ev>[], asOf: string) =>
  nextDue(events, { asOf, talkDays: 30 }).map((d) => ({ kind: d.kind, due: d.due, state: d.state, rule: d.rule }));

describe('nextDue', () => {
  it('owes a talk within talkDays of the application, warning in its last week, overdue after', () => {
    const events = [ev('application', '2024-03-01')];
    expect(due(events, '2024-03-05')).toEqual([{ kind: 'talk', due: '2024-03-31', state: 'upcoming', rule: 'DEV-02' }]);
    expect(due(events, '2024-03-28')[0].state).toBe('warning');
    expect(due(events, '2024-04-01')[0].state).toBe('overdue');
    expect(due([...events, ev('talk', '2024-03-20', { by: [] })], '2024-04-01')).toEqual([]);
  });

  it('does not owe the partial quarter in which someone became an activist', () => {
    const events = [ev('application', '2024-01-05'), ev('talk', '2024-01-20'), ev('activist', '2024-02-10')];
    expect(due(events, '2024-03-01')).toEqual([
      { kind: 'thoughtReport', due: '2024-06-30', state: 'upcoming', rule: 'DEV-04' },
      { kind: 'assessment', due: '2024-12-31', state: 'upcoming', rule: 'DEV-05' },
    ]);
  });

  it('points at the open quarter until its report is in, then at the next one', () => {
    const events = [ev('application', '2023-01-05'), ev('talk', '2023-01-20'), ev('activist', '2023-03-10')];
    const reported = [...events, ev('thoughtReport', '2023-05-02'), ev('thoughtReport', '2023-07-20')];
    expect(due(reported, '2023-09-20').find((d) => d.kind === 'thoughtReport')).toMatchObject({
      due: '2023-12-31',
      state: 'upcoming',
    });
    const q3Missing = [...events, ev('thoughtReport', '2023-05-02')];
    expect(due(q3Missing, '2023-09-20').find((d) => d.kind === 'thoughtReport')).toMatchObject({
      due: '2023-09-30',
      state: 'warning',
    });
  });

  it('reports a missed closed period as overdue before anything else', () => {
    const events = [ev('application', '2023-01-05'), ev('talk', '2023-01-20'), ev('activist', '2023-03-10')];
    // Nothing in Q2 2023, now in Q3: the Q2 report is overdue.
    expect(due(events, '2023-08-01').find((d) => d.kind === 'thoughtReport')).toMatchObject({
      due: '2023-06-30',
      state: 'overdue',
    });
    // H2 2023 is the first owed half (activist since March); in 2024 it is overdue without an assessment.
    expect(due(events, '2024-02-01').find((d) => d.kind === 'assessment')).toMatchObject({
      due: '2023-12-31',
      state: 'overdue',
    });
  });

  it('ends probation a year after the admission vote, later by an extension, and nothing is due once full', () => {
    const base = [
      ev('application', '2020-09-20'),
      ev('talk', '2020-10-10'),
      ev('activist', '2020-11-10'),
      ev('candidate', '2021-11-15'),
      ev('admissionVote', '2022-04-20'),
      ev('approval', '2022-06-10'),
      ev('thoughtReport', '2023-01-05'),
      ev('assessment', '2022-12-20'),
    ];
    expect(due(base, '2023-01-10').find((d) => d.kind === 'probationEnd')).toEqual({
      kind: 'probationEnd',
      due: '2023-04-20',
      state: 'upcoming',
      rule: 'DEV-10',
    });
    expect(due(base, '2023-01-10').some((d) => d.kind === 'talk')).toBe(false);
    const extended = [...base, ev('probationExtension', '2023-04-25', { months: 6 })];
    expect(due(extended, '2023-05-01').find((d) => d.kind === 'probationEnd')?.due).toBe('2023-10-20');
    expect(due([...base, ev('confirmationApproval', '2023-05-20')], '2023-06-01')).toEqual([]);
  });

  it('owes nothing on a closed case or before an application', () => {
    expect(due([], '2024-01-01')).toEqual([]);
    expect(due([ev('application', '2024-01-01'), ev('withdrawn', '2024-01-10')], '2024-06-01')).toEqual([]);
  });
});
