/**
 * The columns of the meeting-records workbook. As in the roster, the part of a header before its
 * bracketed hint is what the import matches and what error reports name.
 */
import type { MeetingType } from '../../domain/vocabulary.ts';
import { labelOfHeader } from '../roster/columns.ts';

export type MeetingKey =
  | 'code'
  | 'orgCode'
  | 'type'
  | 'heldOn'
  | 'startTime'
  | 'endTime'
  | 'place'
  | 'title'
  | 'lecturerCode'
  | 'absentCodes'
  | 'leaveCodes'
  | 'minutes';

export type MeetingColumn = {
  key: MeetingKey;
  header: string;
  label: string;
  required: boolean;
  help: string;
  example: string;
};

const column = (key: MeetingKey, header: string, required: boolean, help: string, example: string): MeetingColumn => ({
  key,
  header,
  label: labelOfHeader(header),
  required,
  help,
  example,
});

/** The Chinese names users write, for each meeting type (and a few common variants). */
export const meetingTypeNames: Record<MeetingType, string> = {
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

export const meetingTypeByName: Record<string, MeetingType> = {
  ...Object.fromEntries(Object.entries(meetingTypeNames).map(([type, name]) => [name, type as MeetingType])),
  党员大会: 'generalAssembly',
  支委会: 'committeeMeeting',
  支部委员会会议: 'committeeMeeting',
  主题党日活动: 'themeDay',
  中心组学习: 'studyGroupSession',
  综合性议党会议: 'partyAffairsMeeting',
};

export const meetingColumns: MeetingColumn[] = [
  column('code', '会议编号', false, '留空时自动编号；填写时须在本校唯一', ''),
  column(
    'orgCode',
    '支部编码',
    true,
    '召开会议的组织编码：党支部；党小组会填党小组编码；中心组学习、民主生活会填学院编码（见“可用编码”工作表）',
    'b-mech-t1',
  ),
  column('type', '会议类型', true, `${Object.values(meetingTypeNames).join('、')} 之一`, '支部党员大会'),
  column('heldOn', '日期', true, '日期，格式 YYYY-MM-DD，不得晚于今天', '2025-03-12'),
  column('startTime', '开始时间', false, '时间，格式 HH:MM（24 小时制）', '14:30'),
  column('endTime', '结束时间', false, '时间，格式 HH:MM，须晚于开始时间', '16:30'),
  column('place', '地点', false, '', '行政楼301党员活动室'),
  column('title', '主题', true, '会议主题或党课题目', '学习贯彻全国两会精神'),
  column(
    'lecturerCode',
    '主讲人/主持人编号',
    false,
    '党课填主讲人，其他会议填主持人；填人员编号（工号或学号）',
    'T0001',
  ),
  column(
    'absentCodes',
    '缺席人员编号',
    false,
    '以逗号分隔的人员编号；须为该组织当日的应到人员；未列出的应到人员记为出席',
    'T0005,T0009',
  ),
  column('leaveCodes', '请假人员编号', false, '以逗号分隔的人员编号；规则同缺席人员', 'T0012'),
  column('minutes', '有无记录(是/否)', false, '是否有会议记录；留空为是', '是'),
];

export const meetingColumnByKey = Object.fromEntries(meetingColumns.map((c) => [c.key, c])) as Record<
  MeetingKey,
  MeetingColumn
>;
export const meetingLabelOf = (key: MeetingKey) => meetingColumnByKey[key].label;
