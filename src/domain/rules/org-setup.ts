/**
 * ORG-01…05: how a branch is set up on asOf — enough full members, joint branches not too wide,
 * a committee or a lone secretary by size, and groups in a large branch (003 支部设置1–3).
 */
import type { Evidence, FindingDraft, ParamSpec, Rule } from '../compliance/types.ts';
import {
  countsOf,
  designedCommittee,
  isCommitteeMemberRole,
  joinProblems,
  liveOrgs,
  roleList,
  type StructureContext,
  seatsHeld,
  termOf,
} from './org-structure.ts';

const committeeFrom: ParamSpec = {
  type: 'integer',
  default: 7,
  min: 2,
  max: 50,
  // A lower threshold makes more branches need a committee.
  stricter: 'lower',
  label: { zh: '设支部委员会的正式党员人数', en: 'Full members from which a committee is required' },
  unit: { zh: '名', en: 'members' },
};

/**
 * Members of a temporary branch keep their organizational relations in their own branches, so its
 * membership count says nothing about its set-up; ORG-09 judges temporary branches.
 */
const judgedBranches = (ctx: StructureContext) => liveOrgs(ctx, ['branch']).filter((o) => !o.temporary);

const orgEvidence = (id: string, label: string): Evidence => ({ kind: 'org', id, label });

export const org01: Rule<'structure'> = {
  id: 'ORG-01',
  family: 'ORG',
  title: { zh: '支部正式党员不少于3名', en: 'A branch has enough full members' },
  scope: 'branch',
  period: 'now',
  params: {
    minFull: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 50,
      stricter: 'higher',
      label: { zh: '支部最少正式党员人数', en: 'Minimum full members of a branch' },
      unit: { zh: '名', en: 'members' },
    },
  },
  source: '003 支部设置1; 004 二.3',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const branch of judgedBranches(ctx)) {
      const minFull = Number(ctx.params(branch.id).minFull);
      const { full } = countsOf(ctx, branch.id);
      if (full >= minFull) continue;
      // A joint branch already joins several units: its remedy is a wider joint, not another one.
      const joint = branch.jointUnits.length > 0;
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: joint
          ? {
              zh: `联合党支部正式党员仅${full}名（要求至少${minFull}名），应扩大联合范围或并入其他党支部`,
              en: `The joint branch has only ${full} full members (at least ${minFull} required); it should cover more units or merge into another branch`,
            }
          : {
              zh: `支部正式党员仅${full}名（要求至少${minFull}名），应与其他单位组建联合党支部`,
              en: `The branch has only ${full} full members (at least ${minFull} required); it should form a joint branch with other units`,
            },
        evidence: [orgEvidence(branch.id, branch.name)],
        numbers: { full, minFull },
      });
    }
    return out;
  },
};

export const org02: Rule<'structure'> = {
  id: 'ORG-02',
  family: 'ORG',
  title: { zh: '联合党支部覆盖单位不超过5个', en: 'A joint branch covers at most a few units' },
  scope: 'branch',
  period: 'now',
  params: {
    maxUnits: {
      type: 'integer',
      default: 5,
      min: 2,
      max: 20,
      stricter: 'lower',
      label: { zh: '联合党支部最多覆盖单位数', en: 'Maximum units of a joint branch' },
      unit: { zh: '个', en: 'units' },
    },
  },
  source: '003 支部设置1',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    // Only a joint branch (several units) can exceed the limit, whose minimum is 2.
    for (const branch of liveOrgs(ctx, ['branch']).filter((o) => o.jointUnits.length > 1)) {
      const maxUnits = Number(ctx.params(branch.id).maxUnits);
      const units = branch.jointUnits.length;
      if (units <= maxUnits) continue;
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `联合党支部覆盖${units}个单位（要求不超过${maxUnits}个）：${branch.jointUnits.join('、')}`,
          en: `The joint branch covers ${units} units (at most ${maxUnits}): ${branch.jointUnits.join(', ')}`,
        },
        evidence: [orgEvidence(branch.id, branch.name)],
        numbers: { units, maxUnits },
      });
    }
    return out;
  },
};

const requiredCommitteeRoles = ['secretary', 'organizationMember', 'propagandaMember', 'disciplineMember'];

export const org03: Rule<'structure'> = {
  id: 'ORG-03',
  family: 'ORG',
  title: { zh: '正式党员7名以上的支部设支部委员会', en: 'A branch of 7 or more full members has a committee' },
  scope: 'branch',
  period: 'now',
  params: {
    committeeFrom,
    minCommittee: {
      type: 'integer',
      default: 3,
      min: 1,
      max: 15,
      stricter: 'higher',
      label: { zh: '支委会最少人数', en: 'Minimum committee size' },
      unit: { zh: '人', en: 'members' },
    },
    maxCommittee: {
      type: 'integer',
      default: 7,
      min: 3,
      max: 15,
      stricter: 'lower',
      label: { zh: '支委会最多人数', en: 'Maximum committee size' },
      unit: { zh: '人', en: 'members' },
    },
  },
  source: '003 支部设置2',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const branch of judgedBranches(ctx)) {
      const p = ctx.params(branch.id);
      const from = Number(p.committeeFrom);
      const [min, max] = [Number(p.minCommittee), Number(p.maxCommittee)];
      const { full } = countsOf(ctx, branch.id);
      if (full < from) continue;
      const term = termOf(ctx, branch.id);
      const committee = designedCommittee(term, ctx.asOf);
      const problems: { zh: string; en: string }[] = [];
      if (![...committee.roles].some(isCommitteeMemberRole)) {
        problems.push(
          committee.roles.size === 0
            ? { zh: '未设支部委员会', en: 'there is no committee' }
            : { zh: '只设书记，未设支部委员会', en: 'there is a secretary but no committee' },
        );
      } else {
        // 003 says “一般由3-5人组成，最多不超过7人，委员人数为单数”: 3–5 is the usual size, the
        // firm limits are the minimum, the maximum and an odd number, which is what is checked.
        if (committee.size < min || committee.size > max || committee.size % 2 === 0)
          problems.push({
            zh: `支委会${committee.size}人（应为${min}至${max}人且为单数）`,
            en: `the committee has ${committee.size} members (${min} to ${max}, an odd number)`,
          });
        const missing = requiredCommitteeRoles.filter((r) => !committee.roles.has(r));
        if (missing.length > 0) {
          const names = roleList(missing);
          problems.push({ zh: `未设${names.zh}`, en: `no ${names.en}` });
        }
      }
      if (committee.deputies > 1)
        problems.push({
          zh: `副书记${committee.deputies}名（至多1名）`,
          en: `${committee.deputies} deputy secretaries (at most 1)`,
        });
      if (problems.length === 0) continue;
      const all = joinProblems(problems);
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `支部正式党员${full}名（达到${from}名应设支部委员会）：${all.zh}`,
          en: `The branch has ${full} full members (a committee is required from ${from}): ${all.en}`,
        },
        evidence: [orgEvidence(branch.id, branch.name), ...(term ? [{ kind: 'term' as const, id: term.id }] : [])],
        numbers: { full, committeeFrom: from, committeeSize: committee.size, deputies: committee.deputies },
      });
    }
    return out;
  },
};

export const org04: Rule<'structure'> = {
  id: 'ORG-04',
  family: 'ORG',
  title: {
    zh: '正式党员不足7名的支部设书记，不设支委会',
    en: 'A branch below 7 full members has a secretary and no committee',
  },
  scope: 'branch',
  period: 'now',
  // ORG-03's threshold, declared again because parameters belong to one rule: an override of the
  // threshold is meant for both rules.
  params: { committeeFrom },
  source: '003 支部设置2',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    for (const branch of judgedBranches(ctx)) {
      const from = Number(ctx.params(branch.id).committeeFrom);
      const { full } = countsOf(ctx, branch.id);
      if (full >= from) continue;
      const term = termOf(ctx, branch.id);
      const committee = designedCommittee(term, ctx.asOf);
      // A committee member is judged as seated on asOf: a member who has left is no committee.
      const members = seatsHeld(term, ctx.asOf).filter((s) => isCommitteeMemberRole(s.role));
      const memberCount = new Set(members.map((s) => s.personId)).size;
      const problems: { zh: string; en: string }[] = [];
      // A secretary seat that fell vacant is set up: ORG-07 reports the vacancy.
      if (!committee.roles.has('secretary')) problems.push({ zh: '未设书记', en: 'there is no secretary' });
      if (committee.deputies > 1)
        problems.push({
          zh: `副书记${committee.deputies}名（至多1名）`,
          en: `${committee.deputies} deputy secretaries (at most 1)`,
        });
      if (memberCount > 0)
        problems.push({
          zh: `设有支部委员${memberCount}名（不足${from}名不设支部委员会）`,
          en: `${memberCount} committee members are seated (no committee below ${from})`,
        });
      if (problems.length === 0) continue;
      const all = joinProblems(problems);
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `支部正式党员${full}名（不足${from}名，设书记，必要时设1名副书记）：${all.zh}`,
          en: `The branch has ${full} full members (below ${from}: a secretary and at most one deputy): ${all.en}`,
        },
        evidence: [orgEvidence(branch.id, branch.name), ...(term ? [{ kind: 'term' as const, id: term.id }] : [])],
        numbers: { full, committeeFrom: from, committeeMembers: memberCount, deputies: committee.deputies },
      });
    }
    return out;
  },
};

export const org05: Rule<'structure'> = {
  id: 'ORG-05',
  family: 'ORG',
  title: { zh: '党员较多的支部划分党小组', en: 'A large branch is divided into groups' },
  scope: 'branch',
  period: 'now',
  params: {
    maxSize: {
      type: 'integer',
      default: 30,
      min: 5,
      max: 500,
      stricter: 'lower',
      label: { zh: '不划分党小组的支部最多党员人数', en: 'Members a branch may have without groups' },
      unit: { zh: '名', en: 'members' },
    },
  },
  source: '003 支部设置3',
  facts: 'structure',
  evaluate(ctx) {
    const out: FindingDraft[] = [];
    const groups = liveOrgs(ctx, ['group']);
    for (const branch of judgedBranches(ctx)) {
      const maxSize = Number(ctx.params(branch.id).maxSize);
      const counts = countsOf(ctx, branch.id);
      // 003 says “党员人数”: probationary members count towards the size, unlike ORG-01/03.
      const size = counts.full + counts.probationary;
      if (size <= maxSize) continue;
      const own = groups.filter((g) => g.parentId === branch.id);
      const problems: { zh: string; en: string }[] = [];
      if (own.length === 0) problems.push({ zh: '未设党小组', en: 'there are no groups' });
      else {
        const leaderless = own.filter(
          (g) => !seatsHeld(termOf(ctx, g.id), ctx.asOf).some((s) => s.role === 'groupLeader'),
        );
        if (leaderless.length > 0)
          problems.push({
            zh: `${leaderless.map((g) => `“${g.name}”`).join('、')}未设党小组长`,
            en: `no group leader in ${leaderless.map((g) => g.name).join(', ')}`,
          });
        if (counts.ungrouped > 0)
          problems.push({
            zh: `${counts.ungrouped}名党员未编入党小组`,
            en: `${counts.ungrouped} members are in no group`,
          });
      }
      if (problems.length === 0) continue;
      const all = joinProblems(problems);
      out.push({
        severity: 'breach',
        orgId: branch.id,
        period: null,
        message: {
          zh: `支部党员${size}名（超过${maxSize}名应划分党小组）：${all.zh}`,
          en: `The branch has ${size} members (groups are required above ${maxSize}): ${all.en}`,
        },
        evidence: [orgEvidence(branch.id, branch.name), ...own.map((g) => orgEvidence(g.id, g.name))],
        numbers: { members: size, maxSize, groups: own.length, ungrouped: own.length === 0 ? size : counts.ungrouped },
      });
    }
    return out;
  },
};

export const orgSetupRules = [org01, org02, org03, org04, org05] satisfies Rule<'structure'>[];
