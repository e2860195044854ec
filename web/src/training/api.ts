/** Types of the training API (教育培训). */
export const trainingKinds = ['partySchool', 'rotation', 'online', 'other'] as const;
export const sessionAudiences = ['members', 'secretaries', 'partyAffairsStaff', 'activists'] as const;

export type HoursRow = {
  personId: string;
  code: string;
  name: string;
  orgId: string;
  orgName: string;
  hours: number;
  byKind: Record<string, number>;
  concentrated: number;
  seatDays: number;
  required: number;
  expectedByNow: number;
  behind: boolean;
};
export type HoursResponse = { year: number; orgId: string; items: HoursRow[]; total: number; behind: number };

export type SessionItem = {
  id: string;
  code: string;
  orgId: string;
  orgName: string;
  kind: string;
  audience: string;
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  place: string | null;
  attendeeCount: number;
  version: number;
};

export type CreditItem = { id: string; on: string; kind: string; title: string; hours: number; source: string };
export type MyHours = {
  year: number;
  person: { id: string; code: string; name: string };
  summary: HoursRow | null;
  credits: CreditItem[];
};
