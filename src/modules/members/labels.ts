/** Chinese labels of the member enums, for Excel export and the roster template. */
import type { Gender, MemberStatus, PersonCategory, Standing } from './schema.ts';

export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };
export const personCategoryLabels: Record<PersonCategory, string> = {
  staff: '教职工',
  student: '学生',
  retired: '离退休',
};
export const statusLabels: Record<MemberStatus, string> = { full: '正式党员', probationary: '预备党员' };
export const standingLabels: Record<Standing, string> = {
  normal: '正常',
  suspended: '停止党籍',
  lapsed: '自行脱党',
  expelled: '出党',
  deceased: '去世',
};

export const labelOf = <K extends string>(labels: Record<K, string>, value: string | null | undefined) =>
  value ? (labels[value as K] ?? value) : null;
