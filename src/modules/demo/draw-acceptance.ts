/**
 * The demo's running acceptance campaign (达标验收, ASSESS-06): opened by the organization
 * department a month before `asOf` under the university's action-plan standard, closing two
 * months after it, with branches at every stage — certified, awaiting the university's re-check,
 * awaiting the college's first check, returned with a reason, and not yet self-checked. Every
 * step is in order and by its own role, so the demo shows the workflow, not ASSESS-06 breaches.
 * Pure and seeded.
 */
import { addDays, yearOf } from './dates.ts';
import { createRandom } from './random.ts';

type Doc = {
  orgs: { code: string; parent: string | null; kind: string; validTo?: string | null }[];
  people: { code: string; name: string }[];
  terms: { org: string; positions: { role: string; person: string; to?: string | null }[] }[];
};

type Step = {
  step: 'selfCheck' | 'firstCheck' | 'recheck' | 'return';
  on: string;
  role: 'branchSecretary' | 'collegeAdmin' | 'orgDepartmentAdmin';
  by: string;
  reason?: string;
};

/** Who in the organization department takes the re-checks. */
const ORG_DEPARTMENT = '组织部 周明';
const MANUAL = [
  { code: 'M1', title: '党员活动室达到“八有”标准' },
  { code: 'M2', title: '支部工作手册、会议记录规范完整' },
];
const collegeReturns = [
  '支部工作手册部分会议记录缺少参会人员签到，请补充后重新提交',
  '党员活动室照片未体现“八有”要求，请补充材料',
];
const universityReturns = ['“三会一课”台账与系统记录不一致，请核对后重新自查'];

export function drawAcceptance(options: { asOf: string; seed: number } & Doc) {
  // Its own stream, so adding it changed nothing drawn before it.
  const random = createRandom(options.seed * 104729 + 6);
  const { asOf } = options;
  const opensOn = addDays(asOf, -30);
  const closesOn = addDays(asOf, 60);
  const name = new Map(options.people.map((p) => [p.code, p.name]));
  const secretaryOf = (org: string) => {
    const seat = options.terms
      .filter((t) => t.org === org)
      .flatMap((t) => t.positions)
      .find((p) => p.role === 'secretary' && !p.to);
    return (seat && name.get(seat.person)) ?? '支部书记';
  };
  const branches = options.orgs.filter((o) => o.kind === 'branch' && !o.validTo).map((o) => o.code);
  const day = (from: number, to: number) => addDays(opensOn, random.int(from, to));

  const reviews = branches.map((org) => {
    const parent = options.orgs.find((o) => o.code === options.orgs.find((b) => b.code === org)?.parent);
    const secretary = secretaryOf(org);
    // A branch directly under the university has no college: the organization department first-checks it.
    const college = parent ? secretaryOf(parent.code) : ORG_DEPARTMENT;
    const firstRole = parent ? ('collegeAdmin' as const) : ('orgDepartmentAdmin' as const);
    // Weights: certified, awaiting re-check, awaiting first check, returned, not yet self-checked.
    const stage = random.weighted(
      ['certified', 'firstChecked', 'selfChecked', 'returned', 'pending'] as const,
      [2, 2, 3, 1, 4],
    );
    const steps: Step[] = [];
    if (stage !== 'pending') steps.push({ step: 'selfCheck', on: day(2, 10), role: 'branchSecretary', by: secretary });
    if (stage === 'returned')
      steps.push({
        step: 'return',
        on: day(12, 18),
        role: firstRole,
        by: college,
        reason: collegeReturns[random.int(0, collegeReturns.length - 1)],
      });
    if (stage === 'firstChecked' || stage === 'certified')
      steps.push({ step: 'firstCheck', on: day(12, 18), role: firstRole, by: college });
    if (stage === 'certified') {
      // One certified branch was sent back once by the university before it passed.
      if (random.chance(0.3)) {
        steps.push({
          step: 'return',
          on: day(19, 20),
          role: 'orgDepartmentAdmin',
          by: ORG_DEPARTMENT,
          reason: universityReturns[0],
        });
        steps.push({ step: 'selfCheck', on: day(21, 22), role: 'branchSecretary', by: secretary });
        steps.push({ step: 'firstCheck', on: day(23, 24), role: firstRole, by: college });
      }
      steps.push({ step: 'recheck', on: day(25, 29), role: 'orgDepartmentAdmin', by: ORG_DEPARTMENT });
    }
    const selfChecked = steps.length > 0;
    return {
      org,
      statement: selfChecked
        ? '本支部对照“三标准三规范”逐项开展自查，组织设置、组织生活、党员管理等方面基本达标，存在问题已列入整改清单。'
        : null,
      entries: selfChecked
        ? [
            { indicator: 'M1', note: '活动室已按“八有”标准布置，制度上墙、设施齐全' },
            { indicator: 'M2', note: '支部工作手册按月填写，会议记录附签到表' },
          ]
        : [],
      attachments: selfChecked
        ? [
            { name: '党员活动室照片.jpg', note: `${yearOf(asOf)}年拍摄`, indicator: 'M1' },
            { name: '支部工作手册（扫描件）.pdf', note: null, indicator: 'M2' },
          ]
        : [],
      steps,
    };
  });

  return {
    acceptance: [
      {
        year: yearOf(asOf),
        title: `${yearOf(asOf)}年党支部建设达标验收`,
        standardSets: ['hbzy-2019-3s3n'],
        opensOn,
        closesOn,
        status: 'open' as const,
        manualIndicators: MANUAL,
        reviews,
      },
    ],
  };
}
