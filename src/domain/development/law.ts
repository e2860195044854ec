/**
 * The statutory rules of member development (DEV-01 … DEV-10), one pure function each. The gate
 * calls them at the moment a step is recorded (`gate.ts`) and the compliance engine calls the same
 * functions on every stored case (`src/domain/rules/dev-*.ts`), so there is one copy of the law.
 * Each returns the defects it finds, with the field they are about and a message that cites the
 * numbers in Chinese and English.
 */
import type { Bilingual } from '../compliance/types.ts';
import { addMonths, monthsBetween } from '../periods.ts';
import type { DevVote } from './steps.ts';

/** A statutory defect: the rule it breaks, the field (JSON path of the step) and why. */
export type LawIssue = { rule: string; field: string; message: Bilingual };

/** A person's standing in the Party on a day: full, probationary, or neither (not a member in normal standing). */
export type MemberStatus = 'full' | 'probationary' | null;

/** Display names by person id; a person without one is named by their place in the list. */
export type Names = Record<string, string>;

const ordinalZh = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];
function personName(names: Names | undefined, id: string, index: number, role: Bilingual): Bilingual {
  const name = names?.[id];
  if (name) return { zh: `${role.zh}${name}`, en: `${role.en} ${name}` };
  return { zh: `${ordinalZh[index] ?? `第${index + 1}`}名${role.zh}`, en: `${role.en} #${index + 1}` };
}

const statusText: Record<'probationary' | 'none', Bilingual> = {
  probationary: { zh: '当日为预备党员', en: 'a probationary member that day' },
  none: { zh: '当日不是党籍正常的党员', en: 'not a member in normal standing that day' },
};

// ── DEV-01 ──

/** The day a person born on `birthDate` turns `age`; someone born on 29 February turns it on 1 March of a common year. */
export function birthdayAt(birthDate: string, age: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  return new Date(Date.UTC(y + age, m - 1, d)).toISOString().slice(0, 10);
}

/** Whole years of age on a day (the birthday itself counts). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day < birthdayAt(birthDate, years) ? years - 1 : years;
}

/** DEV-01: an applicant is at least `minAge` on the application date. */
export function dev01MinAge(birthDate: string | null, applicationOn: string, minAge: number): LawIssue | null {
  if (!birthDate)
    return {
      rule: 'DEV-01',
      field: 'birthDate',
      message: {
        zh: `未登记出生日期，无法核对申请入党时是否年满${minAge}周岁`,
        en: `no birth date recorded: cannot check the applicant was at least ${minAge} on the application date`,
      },
    };
  const turns = birthdayAt(birthDate, minAge);
  if (applicationOn >= turns) return null;
  const age = ageOn(birthDate, applicationOn);
  return {
    rule: 'DEV-01',
    field: 'on',
    message: {
      zh: `申请入党时未满${minAge}周岁（${birthDate}出生，${applicationOn}申请时${age}周岁，${turns}年满${minAge}周岁）`,
      en: `under ${minAge} on the application date: born ${birthDate}, aged ${age} on ${applicationOn} (turns ${minAge} on ${turns})`,
    },
  };
}

// ── DEV-03 ──

const mentorRole = { zh: '培养联系人', en: 'mentor' };
const sponsorRole = { zh: '入党介绍人', en: 'sponsor' };

/** Each named person must be a full member on the day; the list may not name anyone twice. */
function fullMembers(
  rule: string,
  field: string,
  ids: readonly string[],
  statusOn: Record<string, MemberStatus>,
  on: string,
  role: Bilingual,
  names?: Names,
): LawIssue[] {
  const issues: LawIssue[] = [];
  ids.forEach((id, i) => {
    const who = personName(names, id, i, role);
    if (ids.indexOf(id) < i) {
      issues.push({
        rule,
        field: `${field}.${i}`,
        message: { zh: `${who.zh}重复登记`, en: `${who.en} is named twice` },
      });
      return;
    }
    const status = statusOn[id] ?? null;
    if (status === 'full') return;
    const why = statusText[status === 'probationary' ? 'probationary' : 'none'];
    issues.push({
      rule,
      field: `${field}.${i}`,
      message: {
        zh: `${who.zh}在${on}不是正式党员（${why.zh}）`,
        en: `${who.en} was not a full member on ${on} (${why.en})`,
      },
    });
  });
  return issues;
}

/** DEV-03: an activist has one or two mentors, each a full member on the day they are named. */
export function dev03Mentors(
  mentors: readonly string[],
  statusOn: Record<string, MemberStatus>,
  on: string,
  names?: Names,
): LawIssue[] {
  const issues: LawIssue[] = [];
  if (mentors.length < 1 || mentors.length > 2)
    issues.push({
      rule: 'DEV-03',
      field: 'data.mentors',
      message: {
        zh: `应指定1至2名正式党员作培养联系人，登记了${mentors.length}名`,
        en: `an activist has one or two mentors who are full members; ${mentors.length} named`,
      },
    });
  return [...issues, ...fullMembers('DEV-03', 'data.mentors', mentors, statusOn, on, mentorRole, names)];
}

// ── DEV-06 ──

/** DEV-06: an activist becomes a candidate only after at least `trainingMonths` of training. */
export function dev06TrainingMonths(
  activistOn: string | null,
  candidateOn: string,
  trainingMonths: number,
): LawIssue | null {
  if (!activistOn)
    return {
      rule: 'DEV-06',
      field: 'step',
      message: {
        zh: `${candidateOn}列为发展对象，但未经确定为入党积极分子（要求培养教育至少${trainingMonths}个月）`,
        en: `became a candidate on ${candidateOn} without having been an activist (required: at least ${trainingMonths} months of training)`,
      },
    };
  const earliest = addMonths(activistOn, trainingMonths);
  if (candidateOn >= earliest) return null;
  const months = monthsBetween(activistOn, candidateOn);
  return {
    rule: 'DEV-06',
    field: 'on',
    message: {
      zh: `${activistOn}确定为入党积极分子，${candidateOn}即列为发展对象，培养教育仅${months}个月（要求至少${trainingMonths}个月，${earliest}起方可）`,
      en: `became a candidate on ${candidateOn}, only ${months} months after becoming an activist on ${activistOn} (required: at least ${trainingMonths} months, from ${earliest})`,
    },
  };
}

// ── DEV-07 ──

/** Sponsors must be exactly two. */
export const SPONSORS = 2;

/** DEV-07 at the sponsors step: two different people, each a full member on the day. */
export function dev07Sponsors(
  sponsors: readonly string[],
  statusOn: Record<string, MemberStatus>,
  on: string,
  names?: Names,
): LawIssue[] {
  const issues: LawIssue[] = [];
  if (sponsors.length !== SPONSORS)
    issues.push({
      rule: 'DEV-07',
      field: 'data.sponsors',
      message: {
        zh: `发展对象应有${SPONSORS}名正式党员作入党介绍人，登记了${sponsors.length}名`,
        en: `a candidate has ${SPONSORS} sponsors who are full members; ${sponsors.length} named`,
      },
    });
  return [...issues, ...fullMembers('DEV-07', 'data.sponsors', sponsors, statusOn, on, sponsorRole, names)];
}

export type VotePrerequisites = {
  /** The sponsors named last before the vote (null: none named). */
  sponsors: readonly string[] | null;
  politicalReviewOn: string | null;
  trainingHours: number;
};

/** DEV-07 at the admission vote: sponsors, a political review and enough concentrated training before it. */
export function dev07BeforeVote(prior: VotePrerequisites, voteOn: string, trainingHours: number): LawIssue[] {
  const issues: LawIssue[] = [];
  const add = (zh: string, en: string) => issues.push({ rule: 'DEV-07', field: 'step', message: { zh, en } });
  if (prior.sponsors === null)
    add(
      `${voteOn}支部大会讨论接收前未确定入党介绍人（要求${SPONSORS}名正式党员）`,
      `no sponsors named before the admission vote on ${voteOn} (required: ${SPONSORS} full members)`,
    );
  else if (new Set(prior.sponsors).size !== SPONSORS)
    add(
      `${voteOn}支部大会讨论接收时入党介绍人为${new Set(prior.sponsors).size}名（要求${SPONSORS}名正式党员）`,
      `${new Set(prior.sponsors).size} sponsor(s) at the admission vote on ${voteOn} (required: ${SPONSORS} full members)`,
    );
  if (prior.politicalReviewOn === null)
    add(`${voteOn}支部大会讨论接收前未进行政治审查`, `no political review before the admission vote on ${voteOn}`);
  if (prior.trainingHours < trainingHours)
    add(
      `${voteOn}支部大会讨论接收前集中培训${prior.trainingHours}学时（要求不少于${trainingHours}学时）`,
      `${prior.trainingHours} hours of concentrated training before the admission vote on ${voteOn} (required: at least ${trainingHours})`,
    );
  return issues;
}

// ── DEV-08 ──

/**
 * DEV-08, the record of a vote: it adds up (实到 ≤ 应到; 赞成 + 反对 + 弃权 = 实到) and its 应到 is
 * the number of full members in normal standing of the branch that day (`votingMembers`, when known).
 */
export function dev08VoteCounts(vote: DevVote, votingMembers: number | null): LawIssue[] {
  const issues: LawIssue[] = [];
  const add = (field: string, zh: string, en: string) =>
    issues.push({ rule: 'DEV-08', field: `data.vote.${field}`, message: { zh, en } });
  const { expected, present, yes, no, abstain } = vote;
  if (present > expected)
    add('present', `实到${present}人多于应到${expected}人`, `present (${present}) exceeds expected (${expected})`);
  if (yes + no + abstain !== present)
    add(
      'yes',
      `赞成${yes}+反对${no}+弃权${abstain}=${yes + no + abstain}，不等于实到${present}人`,
      `yes ${yes} + no ${no} + abstain ${abstain} = ${yes + no + abstain}, not the ${present} present`,
    );
  if (votingMembers !== null && expected !== votingMembers)
    add(
      'expected',
      `应到${expected}人与支部当日有表决权的正式党员${votingMembers}人不符`,
      `expected (${expected}) differs from the ${votingMembers} full members with voting rights in the branch that day`,
    );
  return issues;
}

/**
 * DEV-08, the decision: more than half of the members with voting rights (the branch's count when
 * known, else the recorded 应到) are present, and more than half of them vote yes.
 */
export function dev08VoteDecision(vote: DevVote, votingMembers: number | null): LawIssue[] {
  const issues: LawIssue[] = [];
  const add = (field: string, zh: string, en: string) =>
    issues.push({ rule: 'DEV-08', field: `data.vote.${field}`, message: { zh, en } });
  const { present, yes } = vote;
  const base = votingMembers ?? vote.expected;
  if (present * 2 <= base)
    add(
      'present',
      `实到${present}人，未超过应到会有表决权的正式党员${base}人的半数，不足法定人数`,
      `${present} present is not more than half of the ${base} full members with voting rights: no quorum`,
    );
  if (yes * 2 <= base)
    add(
      'yes',
      `赞成${yes}票，未超过应到会有表决权的正式党员${base}人的半数，决议未通过`,
      `${yes} yes votes are not more than half of the ${base} full members with voting rights: the motion did not carry`,
    );
  return issues;
}

/** DEV-08 in full: the record adds up and the assembly was quorate and carried the motion. */
export function dev08Vote(vote: DevVote, votingMembers: number | null): LawIssue[] {
  return [...dev08VoteCounts(vote, votingMembers), ...dev08VoteDecision(vote, votingMembers)];
}

// ── DEV-09 ──

/** The last day the superior committee may approve a vote of `voteOn` (DEV-09). */
export const approvalDueOn = (voteOn: string, approveMonths: number) => addMonths(voteOn, approveMonths);

/** DEV-09: the superior committee approves within `approveMonths` of the general assembly's vote. */
export function dev09ApprovalInTime(
  voteOn: string,
  approvalOn: string,
  approveMonths: number,
  what: 'admission' | 'confirmation' = 'admission',
): LawIssue | null {
  const due = approvalDueOn(voteOn, approveMonths);
  if (approvalOn <= due) return null;
  const assembly = what === 'admission' ? { zh: '接收', en: 'admission' } : { zh: '转正', en: 'confirmation' };
  return {
    rule: 'DEV-09',
    field: 'on',
    message: {
      zh: `${voteOn}支部大会讨论${assembly.zh}，${approvalOn}上级党委才审批，超过${approveMonths}个月（应于${due}前审批）`,
      en: `the ${assembly.en} vote of ${voteOn} was approved only on ${approvalOn}, more than ${approveMonths} months later (due by ${due})`,
    },
  };
}

// ── DEV-10 ──

export const EXTENSION_MONTHS = { min: 6, max: 12 } as const;

/** DEV-10: confirmation is discussed once probation has ended, not before. */
export function dev10ConfirmationAfterProbation(voteOn: string, probationEnd: string): LawIssue | null {
  if (voteOn >= probationEnd) return null;
  return {
    rule: 'DEV-10',
    field: 'on',
    message: {
      zh: `${voteOn}即讨论转正，早于预备期满之日${probationEnd}`,
      en: `confirmation discussed on ${voteOn}, before the probation ends on ${probationEnd}`,
    },
  };
}

/** DEV-10: an extension is 6 to 12 months, decided once probation has ended, and only once. */
export function dev10Extension(
  months: number,
  on: string,
  firstProbationEnd: string,
  earlierExtensionOn: string | null,
): LawIssue[] {
  const issues: LawIssue[] = [];
  if (months < EXTENSION_MONTHS.min || months > EXTENSION_MONTHS.max)
    issues.push({
      rule: 'DEV-10',
      field: 'data.months',
      message: {
        zh: `延长预备期${months}个月（要求不少于${EXTENSION_MONTHS.min}个月、不超过${EXTENSION_MONTHS.max}个月）`,
        en: `probation extended by ${months} months (required: ${EXTENSION_MONTHS.min} to ${EXTENSION_MONTHS.max} months)`,
      },
    });
  if (earlierExtensionOn !== null)
    issues.push({
      rule: 'DEV-10',
      field: 'step',
      message: {
        zh: `预备期已于${earlierExtensionOn}延长过，只能延长一次`,
        en: `probation was already extended on ${earlierExtensionOn}; it can be extended only once`,
      },
    });
  else if (on < firstProbationEnd)
    issues.push({
      rule: 'DEV-10',
      field: 'on',
      message: {
        zh: `${on}延长预备期，早于预备期满之日${firstProbationEnd}`,
        en: `probation extended on ${on}, before it ends on ${firstProbationEnd}`,
      },
    });
  return issues;
}
