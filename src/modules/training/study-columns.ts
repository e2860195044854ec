/**
 * The columns of the online-study workbook (网络学习学时导入). As in the roster, the part of a
 * header before its bracketed hint is what the import matches and what error reports name.
 */
import type { TrainingKind } from '../../domain/rules/edu-facts.ts';
import { labelOfHeader } from '../roster/columns.ts';

export type StudyKey = 'personCode' | 'name' | 'on' | 'hours' | 'title' | 'kind';

export type StudyColumn = {
  key: StudyKey;
  header: string;
  label: string;
  required: boolean;
  help: string;
  example: string;
};

const column = (key: StudyKey, header: string, required: boolean, help: string, example: string): StudyColumn => ({
  key,
  header,
  label: labelOfHeader(header),
  required,
  help,
  example,
});

export const studyColumns: StudyColumn[] = [
  column('personCode', '人员编号', true, '党员在系统中的人员编号', 'T0001'),
  column('name', '姓名（选填，用于核对）', false, '填写时须与人员编号对应的姓名一致', '张伟'),
  column('on', '学习日期（YYYY-MM-DD）', true, '完成学习的日期，不能晚于今天', '2025-05-10'),
  column('hours', '学时', true, '大于0，最多1位小数', '2.5'),
  column('title', '学习内容', true, '课程或专题名称', '学习贯彻党的二十届三中全会精神'),
  column('kind', '类别（选填）', false, '网络学习（默认）、党校培训、集中轮训、其他', '网络学习'),
];

export const studyLabelOf = (key: StudyKey) => studyColumns.find((c) => c.key === key)?.label ?? key;

export const kindByName: Record<string, TrainingKind> = {
  网络学习: 'online',
  在线学习: 'online',
  党校培训: 'partySchool',
  集中轮训: 'rotation',
  轮训: 'rotation',
  其他: 'other',
};
