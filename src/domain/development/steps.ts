/**
 * The vocabulary of member development (发展党员): the steps a case records and the stages they
 * lead to (`dataset.md`, glossary). A case's stage is derived from its events (`stage.ts`).
 */
export const devSteps = [
  'application', // 递交入党申请书
  'talk', // 党组织派人谈话（一个月内）
  'leagueRecommendation', // 推优
  'massRecommendation', // 群众推荐
  'activist', // 确定为入党积极分子（指定培养联系人）
  'thoughtReport', // 思想汇报（每季度）
  'assessment', // 培养考察（每半年）
  'candidate', // 确定为发展对象
  'politicalReview', // 政治审查
  'training', // 集中培训
  'sponsors', // 入党介绍人
  'publicity', // 发展公示
  'preReview', // 上级党委预审
  'admissionVote', // 支部大会讨论接收
  'superiorTalk', // 上级党委派人谈话
  'approval', // 上级党委审批
  'oath', // 入党宣誓
  'confirmationVote', // 支部大会讨论转正
  'confirmationApproval', // 上级党委审批转正
  'probationExtension', // 延长预备期
  'withdrawn', // 撤回/终止培养
  'notAdmitted', // 未被接收
  'probationCancelled', // 取消预备党员资格
] as const;
export type DevStep = (typeof devSteps)[number];

export const devStages = [
  'applicant', // 入党申请人
  'activist', // 入党积极分子
  'candidate', // 发展对象
  'probationary', // 预备党员
  'full', // 正式党员（已转正）
  'withdrawn',
  'notAdmitted',
  'cancelled',
] as const;
export type DevStage = (typeof devStages)[number];

/** The stages a case can still move on from; the others are closed. */
export const openStages: readonly DevStage[] = ['applicant', 'activist', 'candidate', 'probationary'];

/** The stage each stage-changing step leads to; other steps leave the stage as it is. */
export const stageAfterStep: Partial<Record<DevStep, DevStage>> = {
  application: 'applicant',
  activist: 'activist',
  candidate: 'candidate',
  approval: 'probationary',
  probationExtension: 'probationary',
  confirmationApproval: 'full',
  withdrawn: 'withdrawn',
  notAdmitted: 'notAdmitted',
  probationCancelled: 'cancelled',
};

export const devStepNames: Record<DevStep, { zh: string; en: string }> = {
  application: { zh: '递交入党申请书', en: 'Application' },
  talk: { zh: '谈话', en: 'Talk' },
  leagueRecommendation: { zh: '团组织推优', en: 'Youth League recommendation' },
  massRecommendation: { zh: '群众推荐', en: 'Mass recommendation' },
  activist: { zh: '确定为入党积极分子', en: 'Became an activist' },
  thoughtReport: { zh: '思想汇报', en: 'Thought report' },
  assessment: { zh: '培养考察', en: 'Assessment' },
  candidate: { zh: '确定为发展对象', en: 'Became a candidate' },
  politicalReview: { zh: '政治审查', en: 'Political review' },
  training: { zh: '集中培训', en: 'Concentrated training' },
  sponsors: { zh: '确定入党介绍人', en: 'Sponsors' },
  publicity: { zh: '发展公示', en: 'Publicity' },
  preReview: { zh: '上级党委预审', en: 'Preliminary review' },
  admissionVote: { zh: '支部大会讨论接收', en: 'Admission vote' },
  superiorTalk: { zh: '上级党委派人谈话', en: 'Superior talk' },
  approval: { zh: '上级党委审批', en: 'Approval' },
  oath: { zh: '入党宣誓', en: 'Oath' },
  confirmationVote: { zh: '支部大会讨论转正', en: 'Confirmation vote' },
  confirmationApproval: { zh: '上级党委审批转正', en: 'Confirmation approval' },
  probationExtension: { zh: '延长预备期', en: 'Probation extended' },
  withdrawn: { zh: '终止培养', en: 'Withdrawn' },
  notAdmitted: { zh: '未被接收', en: 'Not admitted' },
  probationCancelled: { zh: '取消预备党员资格', en: 'Probation cancelled' },
};

export const devStageNames: Record<DevStage, { zh: string; en: string }> = {
  applicant: { zh: '入党申请人', en: 'Applicant' },
  activist: { zh: '入党积极分子', en: 'Activist' },
  candidate: { zh: '发展对象', en: 'Candidate' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
  full: { zh: '正式党员', en: 'Full member' },
  withdrawn: { zh: '终止培养', en: 'Withdrawn' },
  notAdmitted: { zh: '未被接收', en: 'Not admitted' },
  cancelled: { zh: '取消预备党员资格', en: 'Probation cancelled' },
};

/** A general-assembly vote (应到 / 实到 / 赞成 / 反对 / 弃权). */
export type DevVote = { expected: number; present: number; yes: number; no: number; abstain: number };

/** One recorded step as the domain sees it (people by id). */
export type DevEvent = {
  id?: string;
  step: DevStep;
  on: string;
  data: {
    by?: string[];
    mentors?: string[];
    sponsors?: string[];
    hours?: number;
    result?: string;
    until?: string;
    vote?: DevVote;
    months?: number;
  };
};
