import type { Sheet } from '../../server/excel.ts';
import { genderLabels, labelOf, personCategoryLabels, standingLabels, statusLabels } from './labels.ts';
import type { PersonListItem } from './list-people.ts';

/** The people list as an Excel sheet, Chinese headers, one row per person. */
export function peopleSheet(rows: PersonListItem[]): Sheet<PersonListItem> {
  return {
    name: '党员名册',
    rows,
    columns: [
      { header: '编号', key: 'code', width: 14, value: (p) => p.code },
      { header: '姓名', key: 'name', width: 12, value: (p) => p.name },
      { header: '性别', key: 'gender', width: 8, value: (p) => labelOf(genderLabels, p.gender) },
      { header: '出生日期', key: 'birthDate', width: 12, value: (p) => p.birthDate },
      {
        header: '人员类别',
        key: 'personCategory',
        width: 10,
        value: (p) => labelOf(personCategoryLabels, p.personCategory),
      },
      { header: '单位', key: 'unit', width: 20, value: (p) => p.unit },
      { header: '职称', key: 'title', width: 12, value: (p) => p.title },
      { header: '所在支部', key: 'orgName', width: 24, value: (p) => p.membership?.orgName },
      { header: '党小组', key: 'groupName', width: 14, value: (p) => p.membership?.groupName },
      { header: '党员状态', key: 'status', width: 10, value: (p) => labelOf(statusLabels, p.membership?.status) },
      { header: '党籍状态', key: 'standing', width: 10, value: (p) => labelOf(standingLabels, p.membership?.standing) },
      { header: '入党日期', key: 'joinedOn', width: 12, value: (p) => p.membership?.joinedOn },
      { header: '转正日期', key: 'confirmedOn', width: 12, value: (p) => p.membership?.confirmedOn },
    ],
  };
}
