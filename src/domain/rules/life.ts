/**
 * The branch-, group-, college- and university-level LIFE rules. The member-level ones (LIFE-11,
 * 13, 14, 22) live with the member rules in `member.ts`. What each checks: `docs/rules/life.md`.
 */
import type { Rule } from '../compliance/types.ts';
import { appraisalRule } from './life-appraisal.ts';
import { lifeCadenceRule } from './life-cadence.ts';
import {
  committeeMeetingRule,
  generalAssemblyRule,
  groupMeetingRule,
  leadershipLifeMeetingRule,
  lifeMeetingRule,
  partyLectureRule,
  secretaryLectureRule,
  themeDayRule,
} from './life-meetings.ts';
import { lifePlanRule, meetingRecordRule } from './life-records.ts';
import { branchBuildingReportRule, yearEndReportRule } from './life-reports.ts';

export const lifeRules: Rule[] = [
  generalAssemblyRule,
  committeeMeetingRule,
  groupMeetingRule,
  partyLectureRule,
  secretaryLectureRule,
  themeDayRule,
  lifeMeetingRule,
  appraisalRule,
  lifeCadenceRule,
  lifePlanRule,
  meetingRecordRule,
  yearEndReportRule,
  branchBuildingReportRule,
  leadershipLifeMeetingRule,
] as Rule[];
