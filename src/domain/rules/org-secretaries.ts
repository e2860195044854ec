/**
 * ORG-10…12: who the secretary of a branch is, by category of branch — dual leaders in teacher
 * branches, the unit's head in office and service branches, a counselor, teacher or student
 * member in student branches (002 任务14; 003 支部设置6, 工作保障6; 001 第11条).
 *
 * Only the secretary in office on asOf is judged. A branch without one has ORG-03/04/07 findings;
 * these rules say nothing about it.
 */
import type { FindingDraft, OrgNode, Rule } from '../compliance/types.ts';
import type { SeatFact } from './org-facts.ts';
import { liveOrgs, type StructureContext, secretaryOf, termOf } from './org-structure.ts';

const branchEvidence = (org: OrgNode, seat: SeatFact) => [
  { kind: 'org' as const, id: org.id, label: org.name },
  { kind: 'position' as const, id: seat.positionId, label: seat.personName },
  { kind: 'person' as const, id: seat.personId, label: seat.personName },
];

/** Live branches of some categories with their secretary in office on asOf. */
function branchesWithSecretary(ctx: StructureContext, categories: string[]) {
  return liveOrgs(ctx, ['branch'])
    .filter((b) => b.branchCategory !== null && categories.includes(b.branchCategory))
    .map((branch) => ({ branch, secretary: secretaryOf(termOf(ctx, branch.id), ctx.asOf) }))
    .filter((x): x is { branch: OrgNode; secretary: SeatFact } => x.secretary !== null);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const org10: Rule<'structure'> = {
  id: 'ORG-10',
  family: 'ORG',
  title: { zh: '教师党支部书记“双带头人”全覆盖', en: 'Teacher-branch secretaries are dual leaders' },
  scope: 'college',
  period: 'now',
  params: {
    coverage: {
      type: 'number',
      default: 1,
      min: 0,
      max: 1,
      stricter: 'higher',
      label: { zh: '“双带头人”覆盖率', en: 'Dual-leader coverage' },
    },
  },
  source: '002 任务14; 003 工作保障6',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const judged = branchesWithSecretary(ctx, ['teacher']);
    // Coverage counts the teacher branches that have a secretary in office: a vacant seat is
    // ORG-07's, and counting it here would report one vacancy twice.
    const tally = new Map<string, { org: OrgNode; covered: number; total: number }>();
    const count = (org: OrgNode | undefined, covered: boolean) => {
      if (!org) return;
      const t = tally.get(org.id) ?? { org, covered: 0, total: 0 };
      t.total += 1;
      if (covered) t.covered += 1;
      tally.set(org.id, t);
    };
    for (const { branch, secretary } of judged) {
      count(ancestorOfKind(ctx, branch, 'college'), secretary.dualLeader);
      count(ancestorOfKind(ctx, branch, 'university'), secretary.dualLeader);
      if (secretary.dualLeader) continue;
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `教师党支部书记${secretary.personName}不是“双带头人”（要求教师党支部书记均为党建带头人、学术带头人）`,
          en: `The teacher-branch secretary ${secretary.personName} is not a dual leader (every teacher-branch secretary should lead both Party work and an academic field)`,
        },
        evidence: branchEvidence(branch, secretary),
        numbers: { dualLeader: 0 },
      });
    }
    for (const { org, covered, total } of tally.values()) {
      const required = Number(ctx.params(org.id).coverage);
      const share = covered / total;
      if (share >= required) continue;
      out.push({
        severity: 'breach',
        orgId: org.id,
        period: null,
        message: {
          zh: `教师党支部书记“双带头人”覆盖率${percent(share)}（${total}个教师党支部中${covered}个；要求${percent(required)}）`,
          en: `Dual-leader coverage of teacher-branch secretaries is ${percent(share)} (${covered} of ${total} teacher branches; ${percent(required)} required)`,
        },
        evidence: [{ kind: 'org', id: org.id, label: org.name }],
        numbers: { covered, total, coverage: Math.round(share * 1000) / 1000, required },
      });
    }
    return out;
  },
};

function ancestorOfKind(ctx: StructureContext, org: OrgNode, kind: OrgNode['kind']): OrgNode | undefined {
  let at = org.parentId ? ctx.orgById.get(org.parentId) : undefined;
  while (at && at.kind !== kind) at = at.parentId ? ctx.orgById.get(at.parentId) : undefined;
  return at;
}

/**
 * Whether a recorded title names the principal head of a unit. The records hold a free-text title
 * (`people.title`) and no “head of unit” flag, so this reads the title: a head post (处长, 部长,
 * 主任, 馆长, 院长, 所长, 科长, 经理, 队长, 站长, 负责人) and not a deputy (副…), unless the deputy is
 * 主持工作 (in charge, so acting head). 主任科员 is a civil-service rank, not a post.
 */
export function namesUnitHead(title: string): boolean {
  const t = title.replace(/主任科员|科员/g, '');
  if (!/处长|部长|主任|馆长|院长|所长|科长|经理|队长|站长|负责人|主持工作/.test(t)) return false;
  return !/副/.test(t) || /主持工作/.test(t);
}

export const org11: Rule<'structure'> = {
  id: 'ORG-11',
  family: 'ORG',
  title: {
    zh: '机关、后勤服务单位党支部书记由单位主要负责人担任',
    en: "An office or service branch's secretary heads the unit",
  },
  scope: 'branch',
  period: 'now',
  params: {},
  source: '003 支部设置6; 002 任务14; 004 二.3',
  facts: 'structure',
  evaluate(ctx) {
    // Decided from the secretary's recorded title (see `namesUnitHead`); which unit they head is
    // not compared with the branch's name, since unit names are written too many ways to match
    // (财务处 / 计划财务处 / 财务处党支部). No title on record cannot be decided: an info finding
    // asks for it instead of a guess either way.
    const out: FindingDraft[] = [];
    for (const { branch, secretary } of branchesWithSecretary(ctx, ['office', 'service'])) {
      const who = `${secretary.personName}${secretary.title ? `（${secretary.title}）` : ''}`;
      let draft: Pick<FindingDraft, 'severity' | 'message'> | null = null;
      if (secretary.personCategory !== 'staff')
        draft = {
          severity: 'breach',
          message: {
            zh: `党支部书记${who}不是本单位教职工，应由本部门本单位主要负责人担任`,
            en: `The secretary ${who} is not on the unit's staff; the head of the unit should be the secretary`,
          },
        };
      else if (!secretary.title)
        draft = {
          severity: 'info',
          message: {
            zh: `党支部书记${who}未登记职务，无法核对是否为本部门本单位主要负责人`,
            en: `The secretary ${who} has no title on record; whether they head the unit cannot be checked`,
          },
        };
      else if (!namesUnitHead(secretary.title))
        draft = {
          severity: 'breach',
          message: {
            zh: `党支部书记${who}不是本部门本单位主要负责人`,
            en: `The secretary ${who} is not the head of the unit`,
          },
        };
      if (!draft) continue;
      out.push({
        ...draft,
        orgId: branch.id,
        period: null,
        evidence: branchEvidence(branch, secretary),
        numbers: { title: secretary.title, personCategory: secretary.personCategory },
      });
    }
    return out;
  },
};

/** A counselor (辅导员) or a teaching or research post: who may lead a student branch from the staff. */
export const namesCounselorOrTeacher = (title: string) =>
  /辅导员|教师|教授|讲师|助教|教员|研究员|班主任|导师/.test(title);

export const org12: Rule<'structure'> = {
  id: 'ORG-12',
  family: 'ORG',
  title: {
    zh: '学生党支部书记从优秀辅导员、骨干教师、优秀大学生党员中选拔',
    en: "A student branch's secretary is a counselor, a core teacher or an outstanding student member",
  },
  scope: 'branch',
  period: 'now',
  params: {},
  source: '003 支部设置6; 001 第11条',
  facts: 'structure',
  evaluate(ctx) {
    // What the records decide: the secretary is a counselor or teacher (staff, by title) or a
    // student who is a full member in normal standing on asOf. Whether they are *outstanding* or
    // *core* is a judgement the records do not hold; it is left to the secretary's annual review
    // (ASSESS-01) rather than guessed. A staff secretary with no title cannot be decided: info.
    const out: FindingDraft[] = [];
    for (const { branch, secretary } of branchesWithSecretary(ctx, ['student'])) {
      const who = `${secretary.personName}${secretary.title ? `（${secretary.title}）` : ''}`;
      const advice = {
        zh: '应从优秀辅导员、骨干教师、优秀大学生党员中选拔',
        en: 'it should be a counselor, a core teacher or an outstanding student member',
      };
      let draft: Pick<FindingDraft, 'severity' | 'message'> | null = null;
      if (secretary.personCategory === 'student') {
        if (secretary.memberStatus !== 'full' || secretary.memberStanding !== 'normal')
          draft = {
            severity: 'breach',
            message: {
              zh: `学生党支部书记${who}不是正式党员，${advice.zh}`,
              en: `The student-branch secretary ${who} is a student but not a full member; ${advice.en}`,
            },
          };
      } else if (secretary.personCategory !== 'staff')
        draft = {
          severity: 'breach',
          message: {
            zh: `学生党支部书记${who}为离退休人员，${advice.zh}`,
            en: `The student-branch secretary ${who} is retired; ${advice.en}`,
          },
        };
      else if (!secretary.title)
        draft = {
          severity: 'info',
          message: {
            zh: `学生党支部书记${who}未登记职务，无法核对是否为辅导员或教师`,
            en: `The student-branch secretary ${who} has no title on record; whether they are a counselor or teacher cannot be checked`,
          },
        };
      else if (!namesCounselorOrTeacher(secretary.title))
        draft = {
          severity: 'breach',
          message: {
            zh: `学生党支部书记${who}不是辅导员或教师，${advice.zh}`,
            en: `The student-branch secretary ${who} is neither a counselor nor a teacher; ${advice.en}`,
          },
        };
      if (!draft) continue;
      out.push({
        ...draft,
        orgId: branch.id,
        period: null,
        evidence: branchEvidence(branch, secretary),
        numbers: {
          personCategory: secretary.personCategory,
          title: secretary.title,
          memberStatus: secretary.memberStatus,
        },
      });
    }
    return out;
  },
};

export const orgSecretaryRules = [org10, org11, org12] satisfies Rule<'structure'>[];
