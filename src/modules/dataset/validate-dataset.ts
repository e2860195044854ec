/**
 * Checks a `zhibu-dataset/1` document and reports EVERY problem at once, each with its JSON
 * pointer, so whoever fixes a legacy export fixes it in one pass. Only malformed data is an error
 * here; records that break a statutory rule are imported and become findings later.
 *
 * The cross-record checks read the raw document defensively (not the zod output), so a type error
 * in one record does not hide an unknown code in another.
 */
import type { z } from 'zod';
import { checkParamValues } from '../../domain/compliance/parameters.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { isoDate } from '../../server/zod.ts';
import { checkAcceptance } from './acceptance-section.ts';
import { checkDevPlans } from './dev-plans-sections.ts';
import { checkDevelopment } from './development-section.ts';
import { checkDues } from './dues-section.ts';
import { checkExcellence } from './excellence-sections.ts';
import { checkImprovement } from './improvement-sections.ts';
import { checkRatings } from './ratings-section.ts';
import { type Dataset, type DatasetIssue, datasetSchema } from './schema.ts';
import { checkSecretaryReviews } from './secretary-reviews-section.ts';
import { checkTrainingAndFunds } from './training-funds-sections.ts';

export type DatasetValidation = { ok: true; dataset: Dataset; issues: [] } | { ok: false; issues: DatasetIssue[] };

export function validateDataset(document: unknown): DatasetValidation {
  const issues = new IssueList();
  const parsed = datasetSchema.safeParse(document);
  if (!parsed.success) for (const issue of parsed.error.issues) addZodIssue(issues, issue);
  if (isObject(document)) crossCheck(document, issues);
  const list = issues.list();
  if (parsed.success && list.length === 0) return { ok: true, dataset: parsed.data, issues: [] };
  return { ok: false, issues: list };
}

/** RFC 6901: `~` and `/` inside a segment are escaped. */
export const toPointer = (path: readonly PropertyKey[]) =>
  path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Keeps the first problem per pointer: a bad date is one problem, not "bad format" and "not real". */
class IssueList {
  private readonly byPointer = new Map<string, string>();
  add(pointer: string, zh: string, en: string) {
    if (!this.byPointer.has(pointer)) this.byPointer.set(pointer, `${zh} / ${en}`);
  }
  /** In document order, so a long report reads from the top of the file down. */
  list(): DatasetIssue[] {
    return [...this.byPointer]
      .map(([pointer, reason]) => ({ pointer, reason }))
      .sort((a, b) => comparePointers(a.pointer, b.pointer));
  }
}

const sectionOrder = [
  'format',
  'university',
  'orgs',
  'people',
  'memberships',
  'terms',
  'meetings',
  'thoughtReports',
  'appraisals',
  'development',
  'developmentPlans',
  'poolAnalyses',
  'developmentContacts',
  'trainingSessions',
  'training',
  'funds',
  'dues',
  'acceptance',
  'rectifications',
  'surveys',
  'reorganizations',
  'ratings',
  'secretaryReviews',
  'modelUnits',
  'awards',
  'practiceCarriers',
];

/** Sections in the order of the format, record indexes as numbers, anything else alphabetically. */
function comparePointers(a: string, b: string): number {
  const sa = a.split('/').slice(1);
  const sb = b.split('/').slice(1);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sa[i] === sb[i]) continue;
    if (i === 0) {
      const ra = sectionOrder.indexOf(sa[0]);
      const rb = sectionOrder.indexOf(sb[0]);
      if (ra !== rb) return (ra < 0 ? sectionOrder.length : ra) - (rb < 0 ? sectionOrder.length : rb);
    }
    const na = /^\d+$/.test(sa[i]) ? Number(sa[i]) : null;
    const nb = /^\d+$/.test(sb[i]) ? Number(sb[i]) : null;
    if (na !== null && nb !== null) return na - nb;
    return sa[i] < sb[i] ? -1 : 1;
  }
  return sa.length - sb.length;
}

function addZodIssue(issues: IssueList, issue: z.core.$ZodIssue) {
  const at = toPointer(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) issues.add(toPointer([...issue.path, key]), '未知字段', 'unknown key');
      return;
    case 'invalid_type':
      if (issue.input === undefined) issues.add(at, '缺少必填字段', 'required field is missing');
      else issues.add(at, `类型错误，应为 ${issue.expected}`, `wrong type, expected ${issue.expected}`);
      return;
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      issues.add(at, `取值无效，应为 ${values}`, `invalid value, expected ${values}`);
      return;
    }
    case 'too_small':
      if (issue.origin === 'string') issues.add(at, '不能为空', 'must not be empty');
      else issues.add(at, `不能小于 ${issue.minimum}`, `must be at least ${issue.minimum}`);
      return;
    case 'too_big':
      issues.add(at, `超出上限 ${issue.maximum}`, `must be at most ${issue.maximum}`);
      return;
    case 'invalid_format':
      issues.add(at, `格式错误（${issue.message}）`, `wrong format (${issue.message})`);
      return;
    case 'custom':
      if (issue.message === 'not a real date') issues.add(at, '日期不存在', 'not a real date');
      else issues.add(at, `无效：${issue.message}`, `invalid: ${issue.message}`);
      return;
    default:
      issues.add(at, `无效：${issue.message}`, `invalid: ${issue.message}`);
  }
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const day = (v: unknown): string | null => (isoDate.safeParse(v).success ? (v as string) : null);

type OrgInfo = { index: number; kind: string | null; parent: string | null };

function crossCheck(doc: Raw, issues: IssueList) {
  const university = isObject(doc.university) ? doc.university : {};
  const universityCode = str(university.code);

  const orgs = checkOrgs(items(doc.orgs), universityCode, issues);
  const people = uniqueCodes(items(doc.people), '/people', issues);

  // Terms and meetings may belong to the university committee itself, named by the university code.
  const orgOrRoot = (code: string | null) => code !== null && (orgs.has(code) || code === universityCode);

  checkUniversity(university, orgs, issues);
  checkMemberships(items(doc.memberships), orgs, people, issues);

  checkTerms(items(doc.terms), orgs, people, orgOrRoot, issues);
  checkMeetings(items(doc.meetings), people, orgOrRoot, issues);
  checkThoughtReports(items(doc.thoughtReports), orgs, people, issues);
  checkAppraisals(items(doc.appraisals), orgs, people, issues);
  checkTrainingAndFunds(doc, { universityCode, orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
  checkDues(doc, { universityCode, orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
  checkDevelopment(doc, { orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
  checkDevPlans(doc, { orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
  checkAcceptance(doc, { orgs, add: (p, zh, en) => issues.add(p, zh, en) });
  checkImprovement(doc, { orgs, universityCode, add: (p, zh, en) => issues.add(p, zh, en) });
  checkRatings(doc, { orgs, add: (p, zh, en) => issues.add(p, zh, en) });
  checkSecretaryReviews(doc, { orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
  checkExcellence(doc, { universityCode, orgs, people, add: (p, zh, en) => issues.add(p, zh, en) });
}

function checkThoughtReports(
  reports: Raw[],
  orgs: Map<string, OrgInfo>,
  people: Map<string, number>,
  issues: IssueList,
) {
  reports.forEach((report, i) => {
    const at = `/thoughtReports/${i}`;
    const person = str(report.person);
    if (person !== null && !people.has(person)) unknownCode(issues, `${at}/person`, 'person', person);
    const org = str(report.org);
    if (org !== null && !orgs.has(org)) unknownCode(issues, `${at}/org`, 'org', org);
    notBefore(issues, `${at}/readOn`, report.readOn, report.submittedOn, 'submittedOn');
  });
}

function checkAppraisals(
  appraisals: Raw[],
  orgs: Map<string, OrgInfo>,
  people: Map<string, number>,
  issues: IssueList,
) {
  const seen = new Map<string, number>();
  appraisals.forEach((appraisal, i) => {
    const at = `/appraisals/${i}`;
    const org = str(appraisal.org);
    if (org !== null && !orgs.has(org)) unknownCode(issues, `${at}/org`, 'org', org);
    const key = `${org} ${appraisal.year}`;
    const first = seen.get(key);
    if (org !== null && first !== undefined)
      issues.add(
        `${at}/year`,
        `同一组织同一年度的民主评议重复（见 /appraisals/${first}）`,
        `a second appraisal of this org for this year (see /appraisals/${first})`,
      );
    else seen.set(key, i);
    let previous: [unknown, string] = [appraisal.startedOn, 'startedOn'];
    for (const step of ['peerReviewOn', 'voteOn', 'verdictOn', 'closedOn']) {
      if (appraisal[step] === null || appraisal[step] === undefined) continue;
      notBefore(issues, `${at}/${step}`, appraisal[step], previous[0], previous[1]);
      previous = [appraisal[step], step];
    }
    const voters = typeof appraisal.voters === 'number' ? appraisal.voters : null;
    const entered = new Map<string, number>();
    items(appraisal.entries).forEach((entry, j) => {
      const eat = `${at}/entries/${j}`;
      const person = str(entry.person);
      if (person !== null && !people.has(person)) unknownCode(issues, `${eat}/person`, 'person', person);
      if (person !== null) {
        const firstEntry = entered.get(person);
        if (firstEntry !== undefined)
          issues.add(
            `${eat}/person`,
            `同一人重复参加评议（见 ${at}/entries/${firstEntry}）`,
            `the same person is listed twice (see ${at}/entries/${firstEntry})`,
          );
        else entered.set(person, j);
      }
      const votes = isObject(entry.votes) ? entry.votes : null;
      if (votes && voters !== null) {
        const cast = Object.values(votes).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
        if (cast > voters)
          issues.add(
            `${eat}/votes`,
            `票数合计 ${cast} 超过参加测评人数 ${voters}`,
            `${cast} votes in all, more than the ${voters} voters`,
          );
      }
      if (entry.leadingCadre === true && votes)
        issues.add(`${eat}/votes`, '党员领导干部不参加民主测评投票', 'leading cadres are not voted on');
      if (entry.followUp && entry.verdict !== 'unqualified')
        issues.add(
          `${eat}/followUp`,
          '仅“不合格”的评定需要处置措施',
          'a follow-up belongs to an unqualified verdict only',
        );
    });
  });
}

type OrgRef = (code: string | null) => boolean;

function checkTerms(
  terms: Raw[],
  orgs: Map<string, OrgInfo>,
  people: Map<string, number>,
  orgOrRoot: OrgRef,
  issues: IssueList,
) {
  const termKeys = new Map<string, number>();
  terms.forEach((term, i) => {
    const at = `/terms/${i}`;
    const org = str(term.org);
    if (org !== null && !orgOrRoot(org)) unknownCode(issues, `${at}/org`, 'org', org);
    notBefore(issues, `${at}/endsOn`, term.endsOn, term.electedOn, 'electedOn');
    const electedOn = day(term.electedOn);
    if (org !== null && electedOn !== null) {
      const key = `${org}\u0000${electedOn}`;
      const first = termKeys.get(key);
      if (first !== undefined)
        issues.add(
          `${at}/electedOn`,
          `同一组织同一天选出两届（见 /terms/${first}）`,
          `a second term of the same org elected the same day (see /terms/${first})`,
        );
      else termKeys.set(key, i);
    }
    const isGroup = org !== null && orgs.get(org)?.kind === 'group';
    items(term.positions).forEach((position, j) => {
      const pat = `${at}/positions/${j}`;
      const person = str(position.person);
      if (person !== null && !people.has(person)) unknownCode(issues, `${pat}/person`, 'person', person);
      notBefore(issues, `${pat}/to`, position.to, position.from, 'from');
      const role = str(position.role);
      if (org !== null && orgOrRoot(org) && role !== null && (role === 'groupLeader') !== isGroup)
        issues.add(
          `${pat}/role`,
          isGroup ? '党小组的任期只有党小组长（groupLeader）' : '党小组长（groupLeader）的任期应在党小组上',
          isGroup ? 'a group’s term has only groupLeader seats' : 'a groupLeader seat belongs to a term of a group',
        );
    });
  });
}

function checkMeetings(meetings: Raw[], people: Map<string, number>, orgOrRoot: OrgRef, issues: IssueList) {
  uniqueCodes(meetings, '/meetings', issues);
  meetings.forEach((meeting, i) => {
    const at = `/meetings/${i}`;
    const org = str(meeting.org);
    if (org !== null && !orgOrRoot(org)) unknownCode(issues, `${at}/org`, 'org', org);
    const lecturer = str(meeting.lecturer);
    if (lecturer !== null && !people.has(lecturer)) unknownCode(issues, `${at}/lecturer`, 'person', lecturer);
    const start = str(meeting.startTime);
    const end = str(meeting.endTime);
    if (start !== null && end !== null && end <= start)
      issues.add(
        `${at}/endTime`,
        `结束时间应晚于开始时间 ${start}`,
        `the end time must be after the start time ${start}`,
      );
    const seen = new Map<string, number>();
    items(meeting.attendance).forEach((row, j) => {
      const pat = `${at}/attendance/${j}`;
      const person = str(row.person);
      if (person !== null && !people.has(person)) unknownCode(issues, `${pat}/person`, 'person', person);
      if (person !== null) {
        const first = seen.get(person);
        if (first !== undefined)
          issues.add(
            `${pat}/person`,
            `同一人重复签到（见 ${at}/attendance/${first}）`,
            `the same person is listed twice (see ${at}/attendance/${first})`,
          );
        else seen.set(person, j);
      }
      notBefore(issues, `${pat}/makeupOn`, row.makeupOn, meeting.heldOn, 'heldOn');
    });
  });
}

function checkUniversity(university: Raw, orgs: Map<string, OrgInfo>, issues: IssueList) {
  const sets = Array.isArray(university.standardSets) ? university.standardSets : [];
  sets.forEach((set, i) => {
    if (typeof set === 'string' && !standardSetByCode.has(set))
      issues.add(`/university/standardSets/${i}`, `未知的标准集 ${set}`, `unknown standard set ${set}`);
  });
  const seenRules = new Map<string, number>();
  items(university.parameters).forEach((parameter, i) => {
    const at = `/university/parameters/${i}`;
    const org = str(parameter.org);
    if (org !== null && !orgs.has(org)) unknownCode(issues, `${at}/org`, 'org', org);
    const rule = str(parameter.rule);
    if (rule === null) return;
    for (const issue of checkParamValues(
      rule,
      ruleById.get(rule)?.params ?? null,
      isObject(parameter.values) ? parameter.values : {},
    )) {
      issues.add(`${at}/${issue.field.replace('.', '/')}`, issue.reason.zh, issue.reason.en);
    }
    const key = `${rule}\u0000${org ?? ''}`;
    const first = seenRules.get(key);
    if (first !== undefined)
      issues.add(
        `${at}/rule`,
        `同一规则对同一范围重复设置参数（见 /university/parameters/${first}）`,
        `the same rule is overridden twice for the same scope (see /university/parameters/${first})`,
      );
    else seenRules.set(key, i);
  });
  uniqueCodes(items(university.calendar), '/university/calendar', issues);
  items(university.calendar).forEach((semester, i) => {
    notBefore(issues, `/university/calendar/${i}/end`, semester.end, semester.start, 'start');
  });
  const years = new Map<number, number>();
  items(university.headcount).forEach((row, i) => {
    if (typeof row.year !== 'number') return;
    const first = years.get(row.year);
    if (first !== undefined)
      issues.add(
        `/university/headcount/${i}/year`,
        `年份重复（见 /university/headcount/${first}）`,
        `duplicate year (see /university/headcount/${first})`,
      );
    else years.set(row.year, i);
  });
}

const parentKinds: Record<string, (string | null)[]> = {
  college: [null],
  branch: [null, 'college'],
  group: ['branch'],
};

function checkOrgs(orgs: Raw[], universityCode: string | null, issues: IssueList): Map<string, OrgInfo> {
  const byCode = uniqueCodes(orgs, '/orgs', issues, universityCode);
  const info = new Map<string, OrgInfo>();
  for (const [code, index] of byCode)
    info.set(code, { index, kind: str(orgs[index].kind), parent: str(orgs[index].parent) });

  orgs.forEach((org, i) => {
    const at = `/orgs/${i}`;
    const kind = str(org.kind);
    if (kind === 'university' || kind === 'oversight')
      issues.add(
        `${at}/kind`,
        '学校党委是数据集的隐含根组织，工委不在学校的组织树内；此处只能是 college、branch 或 group',
        'the university is the implicit root and oversight bodies are outside its tree; use college, branch or group',
      );
    const parent = str(org.parent);
    if (parent !== null && !info.has(parent)) {
      const reason =
        parent === universityCode
          ? ['学校党委下的组织请写 parent: null', 'an org directly under the university has parent: null']
          : null;
      if (reason) issues.add(`${at}/parent`, reason[0], reason[1]);
      else unknownCode(issues, `${at}/parent`, 'org', parent);
    } else if (kind !== null && parentKinds[kind]) {
      const parentKind = parent === null ? null : (info.get(parent)?.kind ?? null);
      if (!parentKinds[kind].includes(parentKind))
        issues.add(
          `${at}/parent`,
          `${kindName[kind].zh}的上级应为${parentKinds[kind].map((k) => kindName[k ?? 'university'].zh).join('或')}`,
          `a ${kind} must be under ${parentKinds[kind].map((k) => k ?? 'the university (parent: null)').join(' or ')}`,
        );
    }
    if (kind !== 'college' && org.subkind != null)
      issues.add(`${at}/subkind`, 'subkind 只用于二级党组织（college）', 'subkind is for colleges only');
    if (kind !== 'branch') {
      if (org.branchCategory != null)
        issues.add(`${at}/branchCategory`, '支部类别只用于党支部', 'branchCategory is for branches only');
      if (Array.isArray(org.jointUnits) && org.jointUnits.length > 0)
        issues.add(`${at}/jointUnits`, '联合单位只用于党支部', 'jointUnits is for branches only');
      if (org.temporary != null)
        issues.add(`${at}/temporary`, '临时党支部信息只用于党支部', 'temporary is for branches only');
    }
    notBefore(issues, `${at}/validTo`, org.validTo, org.validFrom, 'validFrom');
    if (isObject(org.temporary))
      notBefore(issues, `${at}/temporary/endsOn`, org.temporary.endsOn, org.temporary.approvedOn, 'approvedOn');
  });

  // Kinds already forbid most cycles; this catches the rest (e.g. two orgs of unknown kind).
  for (const [code, org] of info) {
    const seen = new Set([code]);
    let parent = org.parent;
    while (parent !== null && info.has(parent)) {
      if (seen.has(parent)) {
        issues.add(`/orgs/${org.index}/parent`, '上级关系形成环', 'the parent chain forms a cycle');
        break;
      }
      seen.add(parent);
      parent = info.get(parent)?.parent ?? null;
    }
  }
  return info;
}

const kindName: Record<string, { zh: string }> = {
  university: { zh: '学校党委' },
  college: { zh: '二级党组织' },
  branch: { zh: '党支部' },
  group: { zh: '党小组' },
};

function checkMemberships(
  memberships: Raw[],
  orgs: Map<string, OrgInfo>,
  people: Map<string, number>,
  issues: IssueList,
) {
  const intervalsByPerson = new Map<string, { index: number; from: string; to: string | null }[]>();
  memberships.forEach((membership, i) => {
    const at = `/memberships/${i}`;
    const person = str(membership.person);
    if (person !== null && !people.has(person)) unknownCode(issues, `${at}/person`, 'person', person);
    const org = str(membership.org);
    if (org !== null) {
      const info = orgs.get(org);
      if (!info) unknownCode(issues, `${at}/org`, 'org', org);
      else if (info.kind !== 'branch')
        issues.add(`${at}/org`, `党员的组织关系应在党支部，${org} 不是党支部`, `${org} is not a branch`);
    }
    const group = str(membership.group);
    if (group !== null) {
      const info = orgs.get(group);
      if (!info) unknownCode(issues, `${at}/group`, 'org', group);
      else if (info.kind !== 'group') issues.add(`${at}/group`, `${group} 不是党小组`, `${group} is not a group`);
      else if (org !== null && orgs.has(org) && info.parent !== org)
        issues.add(`${at}/group`, `党小组 ${group} 不属于党支部 ${org}`, `group ${group} is not under branch ${org}`);
    }
    notBefore(issues, `${at}/to`, membership.to, membership.from, 'from');
    notBefore(issues, `${at}/confirmedOn`, membership.confirmedOn, membership.joinedOn, 'joinedOn');
    const from = day(membership.from);
    if (person !== null && from !== null) {
      const to = day(membership.to);
      const list = intervalsByPerson.get(person) ?? [];
      list.push({ index: i, from, to });
      intervalsByPerson.set(person, list);
    }
  });
  // Intervals are [from, to): a membership may end the day the next one starts.
  for (const list of intervalsByPerson.values()) {
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    let latest = list[0];
    for (const current of list.slice(1)) {
      if (latest.to === null || current.from < latest.to)
        issues.add(
          `/memberships/${current.index}/from`,
          `与同一人的 /memberships/${latest.index} 期间重叠`,
          `overlaps /memberships/${latest.index} of the same person`,
        );
      if (latest.to !== null && (current.to === null || current.to > latest.to)) latest = current;
    }
  }
}

/** code → index of its first record; later duplicates are errors (also a clash with `reserved`). */
function uniqueCodes(
  records: Raw[],
  base: string,
  issues: IssueList,
  reserved: string | null = null,
): Map<string, number> {
  const codes = new Map<string, number>();
  records.forEach((record, i) => {
    const code = str(record.code);
    if (code === null) return;
    const first = codes.get(code);
    if (first !== undefined)
      issues.add(
        `${base}/${i}/code`,
        `代码 ${code} 重复（已用于 ${base}/${first}）`,
        `duplicate code ${code} (already used at ${base}/${first})`,
      );
    else if (code === reserved)
      issues.add(`${base}/${i}/code`, `代码 ${code} 与学校代码相同`, `code ${code} is the university's own code`);
    else codes.set(code, i);
  });
  return codes;
}

const codeKinds = { org: { zh: '组织', en: 'org' }, person: { zh: '人员', en: 'person' } };

function unknownCode(issues: IssueList, pointer: string, kind: keyof typeof codeKinds, code: string) {
  issues.add(pointer, `未知的${codeKinds[kind].zh}代码 ${code}`, `unknown ${codeKinds[kind].en} code ${code}`);
}

/** `later` may not be before `earlier` (both optional; only real dates are compared). */
function notBefore(issues: IssueList, pointer: string, later: unknown, earlier: unknown, earlierName: string) {
  const a = day(later);
  const b = day(earlier);
  if (a !== null && b !== null && a < b)
    issues.add(pointer, `日期 ${a} 早于 ${earlierName}（${b}）`, `${a} is before ${earlierName} (${b})`);
}
