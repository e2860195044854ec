/** Chinese names of meeting types and statuses, and the ledger's sheets, for views and the ledger. */
import type { MeetingType } from '../../domain/vocabulary.ts';

export const meetingTypeLabels: Record<MeetingType, string> = {
  generalAssembly: '支部党员大会',
  committeeMeeting: '支部委员会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themeDay: '主题党日',
  lifeMeeting: '组织生活会',
  leadershipLifeMeeting: '民主生活会',
  studyGroupSession: '理论学习中心组学习',
  partyAffairsMeeting: '议党会议',
  conversation: '谈心谈话',
};

export const meetingTypeNamesEn: Record<MeetingType, string> = {
  generalAssembly: 'general assembly',
  committeeMeeting: 'committee meeting',
  groupMeeting: 'group meeting',
  partyLecture: 'Party lecture',
  themeDay: 'theme day',
  lifeMeeting: 'organizational-life meeting',
  leadershipLifeMeeting: 'democratic life meeting',
  studyGroupSession: 'study-group session',
  partyAffairsMeeting: 'Party-affairs meeting',
  conversation: 'talk',
};

export const meetingStatusLabels: Record<string, string> = {
  planned: '计划',
  notified: '已通知',
  held: '已召开',
  recorded: '已记录',
};

export const attendanceStatusLabels: Record<string, string> = {
  present: '出席',
  late: '迟到',
  absent: '缺席',
  leave: '请假',
};

/**
 * The ledger's sections, in the order an inspector reads them; every type not named falls into
 * 其他 so no meeting of the year is left out.
 */
export const ledgerSections: { key: string; title: string; types: MeetingType[] | null }[] = [
  { key: 'generalAssembly', title: '支部党员大会', types: ['generalAssembly'] },
  { key: 'committeeMeeting', title: '支部委员会', types: ['committeeMeeting'] },
  { key: 'groupMeeting', title: '党小组会', types: ['groupMeeting'] },
  { key: 'partyLecture', title: '党课', types: ['partyLecture'] },
  { key: 'themeDay', title: '主题党日', types: ['themeDay'] },
  { key: 'lifeMeeting', title: '组织生活会', types: ['lifeMeeting'] },
  { key: 'other', title: '其他', types: null },
];

export const sectionOf = (type: string) =>
  ledgerSections.find((s) => s.types?.includes(type as MeetingType)) ?? ledgerSections[ledgerSections.length - 1];

/** What the branch standard (rules LIFE-01..07) asks of each type in a year. */
export const requirements: { type: MeetingType; per: 'month' | 'quarter' | 'year'; text: string }[] = [
  { type: 'generalAssembly', per: 'quarter', text: '每季度至少1次' },
  { type: 'committeeMeeting', per: 'month', text: '每月至少1次（设支委会的支部）' },
  { type: 'groupMeeting', per: 'month', text: '每个党小组每月至少1次' },
  { type: 'partyLecture', per: 'quarter', text: '每季度至少1次；书记每年至少讲1次' },
  { type: 'themeDay', per: 'month', text: '每月1次' },
  { type: 'lifeMeeting', per: 'year', text: '每年至少1次' },
];

/** Seats only a committee has (ORG-03/04: a branch without one has just a secretary and a deputy). */
export const committeeSeatRoles = ['organizationMember', 'propagandaMember', 'disciplineMember', 'member'];
