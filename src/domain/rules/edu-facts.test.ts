import { describe, expect, it } from 'vitest';
import { daysCovered, hoursRequired, studyByPerson } from './edu-facts.ts';

describe('hoursRequired', () => {
  it('is the member requirement without a seat and the leader requirement with a seat all year', () => {
    expect(hoursRequired({ year: 2025, seatDays: 0, memberHours: 32, leaderHours: 56 })).toBe(32);
    expect(hoursRequired({ year: 2025, seatDays: 365, memberHours: 32, leaderHours: 56 })).toBe(56);
  });

  it('prorates the extra hours of someone who became secretary mid-year, rounded up', () => {
    // 1 July to 31 December 2025 is 184 days: 32 + ⌈24 × 184 / 365⌉ = 32 + 13.
    const seatDays = daysCovered([{ validFrom: '2025-07-01', validTo: null }], 2025);
    expect(seatDays).toBe(184);
    expect(hoursRequired({ year: 2025, seatDays, memberHours: 32, leaderHours: 56 })).toBe(45);
    // A single day in the seat already adds one hour.
    expect(hoursRequired({ year: 2025, seatDays: 1, memberHours: 32, leaderHours: 56 })).toBe(33);
  });
});

describe('daysCovered', () => {
  it('counts overlapping seats once and stops at the exclusive end', () => {
    const days = daysCovered(
      [
        { validFrom: '2024-09-01', validTo: '2025-01-11' },
        { validFrom: '2025-01-05', validTo: '2025-01-21' },
      ],
      2025,
    );
    expect(days).toBe(20);
  });
});

describe('studyByPerson', () => {
  it('sums hours to the tenth and counts concentrated and rotation trainings', () => {
    const s = studyByPerson(
      [
        { personId: 'p', year: 2025, kind: 'online', hours: 0.1, count: 1 },
        { personId: 'p', year: 2025, kind: 'rotation', hours: 0.2, count: 2 },
        { personId: 'p', year: 2024, kind: 'partySchool', hours: 40, count: 1 },
      ],
      2025,
    ).get('p');
    expect(s).toMatchObject({ hours: 0.3, concentrated: 2, rotation: 2 });
  });
});
