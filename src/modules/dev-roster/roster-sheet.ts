/** The Excel roster of activists and candidates (入党积极分子和发展对象花名册). */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { RosterEntry } from './load-roster.ts';

const genders: Record<string, string> = { male: '男', female: '女' };
const categories: Record<string, string> = { staff: '教职工', student: '学生', retired: '离退休' };
const states: Record<string, string> = { upcoming: '未到期', warning: '即将到期', overdue: '已逾期' };

const columns: Column<RosterEntry>[] = [
  { header: '编号', key: 'code', width: 12, value: (r) => r.personCode },
  { header: '姓名', key: 'name', width: 10, value: (r) => r.personName },
  { header: '性别', key: 'gender', width: 6, value: (r) => (r.gender ? genders[r.gender] : null) },
  { header: '出生日期', key: 'birth', width: 12, value: (r) => r.birthDate },
  { header: '类别', key: 'category', width: 8, value: (r) => categories[r.personCategory] ?? r.personCategory },
  { header: '党支部', key: 'branch', width: 24, value: (r) => r.branchName },
  { header: '阶段', key: 'stage', width: 12, value: (r) => r.stageName },
  { header: '申请入党日期', key: 'applied', width: 13, value: (r) => r.appliedOn },
  { header: '确定积极分子日期', key: 'activist', width: 15, value: (r) => r.activistOn },
  { header: '确定发展对象日期', key: 'candidate', width: 15, value: (r) => r.candidateOn },
  { header: '培养联系人', key: 'mentors', width: 16, value: (r) => r.mentors.join('、') || null },
  { header: '入党介绍人', key: 'sponsors', width: 16, value: (r) => r.sponsors.join('、') || null },
  { header: '下一事项', key: 'next', width: 20, value: (r) => r.next?.label.zh ?? null },
  { header: '截止日期', key: 'due', width: 12, value: (r) => r.next?.due ?? null },
  { header: '状态', key: 'state', width: 10, value: (r) => (r.next ? states[r.next.state] : null) },
];

export const buildRosterSheet = (title: string, entries: RosterEntry[]) =>
  buildWorkbook([{ name: title.slice(0, 31), columns, rows: entries }]);
