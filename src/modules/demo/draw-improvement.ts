/**
 * The demo's improvement work (整改, 摸底排查, 整顿). Last year every branch was surveyed with the
 * six checks (ASSESS-05) and rectified two problems its superior verified (ASSESS-03) — except one
 * branch whose second item is done but still awaits verification. The branch rated lagging was
 * also found weak by its survey; its items came from the survey and it is under a reorganization
 * open until next year (ASSESS-04 met). This year some branches have items verified, done and
 * awaiting verification, or open, and one item is past its deadline. Pure and seeded.
 */
import { addMonths } from '../../domain/periods.ts';
import type { SixCheck } from '../surveys/six-checks.ts';
import { sixChecks } from '../surveys/six-checks.ts';
import { addDays, dateOf, maxDate, minDate, yearOf } from './dates.ts';
import { createRandom } from './random.ts';

type Doc = {
  orgs: {
    code: string;
    parent: string | null;
    kind: string;
    name: string;
    validFrom?: string;
    validTo?: string | null;
    temporary?: unknown;
  }[];
  people: { code: string; name: string }[];
  terms: { org: string; positions: { role: string; person: string; from?: string | null; to?: string | null }[] }[];
};

/** What the ratings drew: who was rated lagging, and the rectification plans already in the list. */
type Rated<Plan> = { ratings?: { org: string; grade?: string | null }[]; rectifications?: (Plan & { org: string })[] };

type Item = {
  org: string;
  source: 'survey' | 'manual';
  year: number;
  problem: string;
  owner: string;
  measures: string;
  deadline: string;
  status: 'open' | 'done' | 'verified';
  evidence?: string;
  doneOn?: string;
  verifiedOn?: string;
  verifiedBy?: string;
};

/** A problem a survey check turns up, with its measures and the evidence of its rectification. */
const problems: { check: SixCheck; problem: string; measures: string; evidence: string }[] = [
  {
    check: 'institutions',
    problem: '“三会一课”会议记录不规范，部分会议缺少签到',
    measures: '统一使用会议记录本，会前签到、会后两日内整理记录',
    evidence: '已更换统一记录本，补齐签到表并由支部书记逐次审核',
  },
  {
    check: 'role',
    problem: '主题党日活动形式单一，与业务工作结合不紧',
    measures: '制定主题党日年度计划，结合教学科研和服务师生开展活动',
    evidence: '年度计划已报院系党组织，已开展结合专业实践的主题党日3次',
  },
  {
    check: 'leadership',
    problem: '支委分工不明确，组织委员职责落实不到位',
    measures: '召开支委会明确分工，建立支委工作台账',
    evidence: '支委会纪要及分工表已上墙，台账按月更新',
  },
  {
    check: 'development',
    problem: '入党积极分子培养考察记录不完整',
    measures: '培养联系人每季度填写考察记录，支部每半年集中审核',
    evidence: '考察记录已补齐，支部委员会审核意见已归档',
  },
  {
    check: 'resources',
    problem: '党员活动室设施陈旧，党建资料未分类归档',
    measures: '申请党建工作经费更新设施，按年度分类整理档案',
    evidence: '活动室已更新，档案盒按年度、类别编号归档，附照片',
  },
  {
    check: 'institutions',
    problem: '党员思想汇报收交不及时',
    measures: '建立思想汇报提醒制度，党小组长按季度督促',
    evidence: '本年度思想汇报全部收齐，收交记录已存档',
  },
  {
    check: 'role',
    problem: '党员先锋岗作用发挥不明显，服务师生实效不足',
    measures: '设立党员先锋岗并公示承诺，每学期开展一次服务师生活动',
    evidence: '先锋岗已挂牌公示，服务活动记录及师生反馈已归档',
  },
  {
    check: 'setup',
    problem: '党小组划分与教研室调整不一致',
    measures: '按新的教研室设置重新划分党小组并选定组长',
    evidence: '党小组调整方案经支部党员大会通过，组长已到位',
  },
];

/** What the weak branch's survey found (ASSESS-04): three checks with problems, the first two rectified. */
const weakFindings: { check: SixCheck; problem: string; measures: string; evidence: string }[] = [
  {
    check: 'leadership',
    problem: '支部书记调整后支委长期未补齐，班子作用发挥不充分',
    measures: '召开党员大会补选支委，院系党组织班子成员包联指导',
    evidence: '已补选组织委员、宣传委员，选举结果经院系党组织批复',
  },
  {
    check: 'institutions',
    problem: '“三会一课”不经常，组织生活会流于形式',
    measures: '制定“三会一课”年度计划并报院系备案，每月检查落实',
    evidence: '年度计划已备案，12月起按月召开支委会和党小组会，记录齐全',
  },
  {
    check: 'role',
    problem: '党员参与活动积极性不高，支部凝聚力不强',
    measures: '开展党员承诺践诺，组织结对帮扶活动',
    evidence: '党员承诺书已公示，结对帮扶活动已开展',
  },
];

export function drawImprovement<Plan>(options: { asOf: string; seed: number; rated: Rated<Plan> } & Doc) {
  // Its own stream, so adding it changed nothing drawn before it.
  const random = createRandom(options.seed * 7919 + 11);
  const { asOf } = options;
  const year = yearOf(asOf);
  const lastYear = year - 1;
  const lastYearEnd = dateOf(lastYear, 12, 31);
  const name = new Map(options.people.map((p) => [p.code, p.name]));
  const orgByCode = new Map(options.orgs.map((o) => [o.code, o]));
  const secretaryOn = (org: string, day: string) => {
    const seat = options.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && (p.from ?? '') <= day && (!p.to || p.to > day));
    return seat ? (name.get(seat.person) ?? null) : null;
  };
  const ownerOf = (code: string, day: string) => secretaryOn(code, day) ?? `${orgByCode.get(code)?.name}书记`;
  /** The superior who verifies a branch's items and records its survey. */
  const superiorOf = (code: string) => {
    const parent = orgByCode.get(code)?.parent;
    return parent ? (orgByCode.get(parent)?.name ?? '党委组织部') : '党委组织部';
  };

  // Branches through last year's end, not temporary (their members' life is in their own branches).
  const branches = options.orgs.filter(
    (o) => o.kind === 'branch' && !o.temporary && (o.validFrom ?? '') <= lastYearEnd && !o.validTo,
  );
  const codes = branches.map((b) => b.code);
  const lagging = options.rated.ratings?.find((r) => r.grade === 'lagging' && codes.includes(r.org))?.org;
  const weak = lagging ?? codes[random.int(0, codes.length - 1)];
  const ratingPlans = new Set((options.rated.rectifications ?? []).map((r) => r.org));
  // The branch short of verified items last year: one without a rating plan, so nothing else counts.
  const shortCandidates = codes.filter((c) => c !== weak && !ratingPlans.has(c));
  const short = shortCandidates[random.int(0, shortCandidates.length - 1)];

  const surveys = branches.map((b) => {
    const isWeak = b.code === weak;
    const withProblem = isWeak ? null : random.chance(0.35) ? random.pick(problems) : null;
    const checklist = sixChecks.map((check) => {
      const weakFinding = isWeak ? weakFindings.find((w) => w.check === check) : undefined;
      if (weakFinding) return { check, result: 'problem' as const, note: weakFinding.problem };
      if (withProblem?.check === check) return { check, result: 'problem' as const, note: withProblem.problem };
      return { check, result: 'good' as const, note: '' };
    });
    return {
      org: b.code,
      year: lastYear,
      surveyedOn: dateOf(lastYear, 11, random.int(3, 28)),
      checklist,
      conclusion: isWeak
        ? '班子不健全、组织生活不经常、作用发挥不明显，认定为软弱涣散党支部，列入限期整顿'
        : withProblem
          ? '支部建设总体较好，个别方面存在不足，已列入整改清单'
          : '支部设置合理，班子健全，制度落实，作用发挥较好',
      weak: isWeak,
      recordedBy: superiorOf(b.code),
    };
  });

  const verifiedItem = (
    code: string,
    p: { problem: string; measures: string; evidence: string },
    deadline: string,
    source: Item['source'] = 'manual',
  ): Item => {
    const doneOn = addDays(deadline, -random.int(3, 15));
    return {
      org: code,
      source,
      year: lastYear,
      problem: p.problem,
      owner: ownerOf(code, doneOn),
      measures: p.measures,
      deadline,
      status: 'verified',
      evidence: p.evidence,
      doneOn,
      verifiedOn: minDate(addDays(doneOn, random.int(3, 12)), lastYearEnd),
      verifiedBy: superiorOf(code),
    };
  };
  const lastYearDay = (from: number, to: number) => dateOf(lastYear, random.int(from, to), random.int(10, 28));

  const lastYears: Item[] = branches.flatMap((b): Item[] => {
    if (b.code === weak)
      return weakFindings.slice(0, 2).map((w, i) => verifiedItem(b.code, w, dateOf(lastYear, 12, 20 + i), 'survey'));
    const [first, second] = random.shuffle(problems);
    if (b.code !== short)
      return [verifiedItem(b.code, first, lastYearDay(4, 7)), verifiedItem(b.code, second, lastYearDay(8, 11))];
    // Done in the last days of the year; the superior has not verified it (ASSESS-03 finds the branch short).
    const doneOn = dateOf(lastYear, 12, random.int(18, 28));
    const { verifiedOn: _v, verifiedBy: _b, ...pending } = verifiedItem(b.code, second, dateOf(lastYear, 12, 31));
    return [verifiedItem(b.code, first, lastYearDay(4, 7)), { ...pending, status: 'done', doneOn }];
  });

  // ——— This year: verified, done awaiting verification, open; one past its deadline ———
  const yearStart = dateOf(year, 1, 1);
  const thisYears: Item[] = random
    .shuffle(codes.filter((c) => c !== weak))
    .slice(0, Math.ceil(codes.length / 2))
    .map((code, i): Item => {
      const p = problems[(i * 3) % problems.length];
      const base = { org: code, source: 'manual' as const, year, problem: p.problem, measures: p.measures };
      const state = (['verified', 'done', 'open'] as const)[i % 3];
      const doneOn = maxDate(yearStart, addDays(asOf, -random.int(15, 60)));
      if (state === 'open')
        return {
          ...base,
          owner: ownerOf(code, asOf),
          deadline: addDays(asOf, random.int(20, 90)),
          status: state,
        };
      return {
        ...base,
        owner: ownerOf(code, doneOn),
        deadline: addDays(doneOn, random.int(5, 30)),
        status: state,
        evidence: p.evidence,
        doneOn,
        ...(state === 'verified'
          ? { verifiedOn: minDate(addDays(doneOn, random.int(3, 10)), asOf), verifiedBy: superiorOf(code) }
          : {}),
      };
    });
  const overdueOrg = codes.filter((c) => c !== weak && c !== short)[random.int(0, codes.length - 3)];
  const overdueDeadline = addDays(asOf, -12);
  const overdue: Item = {
    org: overdueOrg,
    source: 'manual' as const,
    year: yearOf(overdueDeadline),
    problem: '支部党员信息采集更新不及时',
    owner: ownerOf(overdueOrg, asOf),
    measures: '逐一核对党员信息，按规定时限完成采集更新',
    deadline: overdueDeadline,
    status: 'open',
  };

  const startedOn = minDate(dateOf(year, 3, 1), asOf);
  return {
    // The ratings' plans stay in the list: this section is spread after theirs.
    rectifications: [...(options.rated.rectifications ?? []), ...lastYears, ...thisYears, overdue],
    surveys,
    reorganizations: [
      {
        org: weak,
        reasons: [...(weak === lagging ? (['lagging'] as const) : []), 'surveyWeak' as const],
        startedOn,
        endsOn: addMonths(startedOn, 12),
        plan: '院系党组织班子成员包联指导；半年内补齐支委，恢复“三会一课”，每月向院系党组织报告整顿进展，期满验收',
        status: 'open' as const,
      },
    ],
  };
}
