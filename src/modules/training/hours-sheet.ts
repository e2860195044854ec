/** The Excel export of the yearly hours list. */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { HoursRow } from './schema.ts';

const columns: Column<HoursRow>[] = [
  { header: '人员编号', key: 'code', value: (r) => r.code },
  { header: '姓名', key: 'name', width: 12, value: (r) => r.name },
  { header: '所在党支部', key: 'org', width: 30, value: (r) => r.orgName },
  { header: '党校培训', key: 'partySchool', width: 10, value: (r) => r.byKind.partySchool },
  { header: '集中轮训', key: 'rotation', width: 10, value: (r) => r.byKind.rotation },
  { header: '网络学习', key: 'online', width: 10, value: (r) => r.byKind.online },
  { header: '组织生活', key: 'meeting', width: 10, value: (r) => r.byKind.meeting },
  { header: '其他', key: 'other', width: 8, value: (r) => r.byKind.other },
  { header: '合计学时', key: 'hours', width: 10, value: (r) => r.hours },
  { header: '任职天数', key: 'seatDays', width: 10, value: (r) => r.seatDays },
  { header: '应完成学时', key: 'required', width: 12, value: (r) => r.required },
  { header: '按进度应完成', key: 'expected', width: 14, value: (r) => r.expectedByNow },
  { header: '是否滞后', key: 'behind', width: 10, value: (r) => (r.behind ? '滞后' : '') },
];

export const buildHoursSheet = (year: number, rows: HoursRow[]) =>
  buildWorkbook([{ name: `${year}年学时`, columns, rows }]);
