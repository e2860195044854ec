/**
 * Each member's study hours in a year against what they owe, for an org subtree: the same facts
 * (`loadTrainingFacts`) and the same arithmetic (`hoursRequired`) as EDU-01 and EDU-02, with the
 * parameters the university's standard sets and overrides give each member's branch — so a person
 * shown behind here is the person the rules find.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { loadTrainingFacts } from '../../db/facts/training.ts';
import { resolveParams } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { adoptedRuleIds } from '../../domain/compliance/standard-sets.ts';
import { daysBetween, validOn, warningWindowDays } from '../../domain/periods.ts';
import { daysCovered, daysInYear, hoursRequired, studyByPerson } from '../../domain/rules/edu-facts.ts';
import { loadConfigs } from '../compliance/load-config.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { HoursRow } from './schema.ts';

/** What a steady pace reaches by `refDay` (the whole requirement once the year is over). */
export function expectedHours(required: number, year: number, refDay: string) {
  if (refDay >= `${year}-12-31`) return required;
  if (refDay < `${year}-01-01`) return 0;
  return Math.floor((required * (daysBetween(`${year}-01-01`, refDay) + 1)) / daysInYear(year));
}

export async function computeHours(
  tx: Tx,
  options: { tenantId: string; subtreePath: string; year: number; today: string; personId?: string },
): Promise<HoursRow[]> {
  const { tenantId, year, today } = options;
  const refDay = today < `${year}-12-31` ? today : `${year}-12-31`;
  // Seats anywhere in the university count (a branch member may sit on the college committee), so
  // the facts are the university's and the subtree is applied to memberships below.
  const facts = await loadTrainingFacts(tx, {
    tenantIds: [tenantId],
    subtreePath: null,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    asOf: today,
  });
  const orgRows = await selectRows<{ id: string; name: string; path: string }>(
    tx,
    sql`select id, name, path from orgs where tenant_id = ${tenantId} and path like ${`${options.subtreePath}%`}`,
  );
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const config = (await loadConfigs(tx, [tenantId])).get(tenantId);
  const sets = config?.sets ?? [];
  const overrides = config?.overrides ?? [];
  const leaderRuleAdopted = adoptedRuleIds(sets).has('EDU-02');
  const edu01 = ruleById.get('EDU-01');
  const edu02 = ruleById.get('EDU-02');
  const paramCache = new Map<string, { member: number; leader: number; leaderBase: number }>();
  const paramsAt = (path: string) => {
    let p = paramCache.get(path);
    if (!p && edu01 && edu02) {
      const leader = resolveParams(edu02, sets, overrides, path);
      p = {
        member: Number(resolveParams(edu01, sets, overrides, path).hours),
        leader: Number(leader.hours),
        leaderBase: Number(leader.memberHours),
      };
      paramCache.set(path, p);
    }
    return p ?? { member: 32, leader: 56, leaderBase: 32 };
  };

  const study = studyByPerson(facts.credits, year);
  const people = new Map(facts.people.map((p) => [p.id, p]));
  const seatsByPerson = new Map<string, typeof facts.seats>();
  for (const s of facts.seats)
    if (s.validFrom <= refDay) seatsByPerson.set(s.personId, [...(seatsByPerson.get(s.personId) ?? []), s]);

  const rows: HoursRow[] = [];
  const seen = new Set<string>();
  for (const m of facts.memberships) {
    if (seen.has(m.personId) || m.standing !== 'normal' || !validOn(m, refDay)) continue;
    if (options.personId && m.personId !== options.personId) continue;
    const org = orgById.get(m.orgId);
    if (!org) continue;
    seen.add(m.personId);
    const owesAsMember = facts.memberships.some(
      (x) => x.personId === m.personId && x.standing === 'normal' && validOn(x, `${year}-01-01`),
    );
    const params = paramsAt(org.path);
    const seatDays = daysCovered(seatsByPerson.get(m.personId) ?? [], year);
    const asLeader =
      leaderRuleAdopted && seatDays > 0
        ? hoursRequired({ year, seatDays, memberHours: params.leaderBase, leaderHours: params.leader })
        : 0;
    const required = Math.max(owesAsMember ? params.member : 0, asLeader);
    const s = study.get(m.personId);
    const hours = s?.hours ?? 0;
    const expectedByNow = expectedHours(required, year, refDay);
    const daysToEnd = daysBetween(refDay, `${year}-12-31`) + 1;
    const behind =
      hours < required && (refDay >= `${year}-12-31` || hours < expectedByNow || daysToEnd <= warningWindowDays.year);
    const person = people.get(m.personId);
    rows.push({
      personId: m.personId,
      code: person?.code ?? '',
      name: person?.name ?? '',
      orgId: org.id,
      orgName: org.name,
      hours,
      byKind: s?.byKind ?? { partySchool: 0, rotation: 0, online: 0, other: 0, meeting: 0 },
      concentrated: s?.concentrated ?? 0,
      seatDays,
      required,
      expectedByNow,
      behind,
    });
  }
  return rows.sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh') || a.code.localeCompare(b.code));
}
