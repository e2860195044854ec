/**
 * The columns of the roster workbook: the header users see, what goes in it, an example. The
 * header's part before the bracket (编号, 党员状态 …) is what the import matches and what error
 * reports name, so users may shorten the bracketed hints.
 */
export type RosterColumn = {
  key: RosterKey;
  /** The full header in the template, hints in brackets. */
  header: string;
  /** The name used in matching and in error reports. */
  label: string;
  required: boolean;
  help: string;
  example: string;
};

export type RosterKey =
  | 'code'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'personCategory'
  | 'unit'
  | 'title'
  | 'leadingCadre'
  | 'phone'
  | 'email'
  | 'branchCode'
  | 'groupCode'
  | 'status'
  | 'standing'
  | 'joinedOn'
  | 'confirmedOn'
  | 'validFrom';

const column = (key: RosterKey, header: string, required: boolean, help: string, example: string): RosterColumn => ({
  key,
  header,
  label: labelOfHeader(header),
  required,
  help,
  example,
});

/** The part of a header before its bracketed hint: `党员状态(正式/预备)` → `党员状态`. */
export function labelOfHeader(header: string): string {
  return header.split(/[（(]/)[0].trim();
}

export const rosterColumns: RosterColumn[] = [
  column('code', '编号', true, '工号或学号，本校唯一；已存在的编号将更新该人员', 'T2024001'),
  column('name', '姓名', true, '', '张伟'),
  column('gender', '性别(男/女)', false, '男 或 女', '男'),
  column('birthDate', '出生日期', false, '日期，格式 YYYY-MM-DD', '1988-05-12'),
  column('personCategory', '人员类别(教职工/学生/离退休)', true, '教职工、学生 或 离退休', '教职工'),
  column('unit', '单位', false, '所在院系或部门', '机电工程学院'),
  column('title', '职称', false, '', '副教授'),
  column('leadingCadre', '领导干部(是/否)', false, '是否党员领导干部，留空为否', '否'),
  column('phone', '手机', false, '', '13800138000'),
  column('email', '邮箱', false, '', 'zhangwei@example.edu.cn'),
  column(
    'branchCode',
    '支部编码',
    false,
    '所在党支部的编码（见“可用编码”工作表）；非党员留空（仅学校党委组织部可导入无支部人员）',
    'b-mech-t1',
  ),
  column('groupCode', '党小组编码', false, '所在党小组的编码，须属于该支部；可留空', ''),
  column('status', '党员状态(正式/预备)', false, '填写支部编码时必填：正式 或 预备', '正式'),
  column('standing', '党籍状态(正常/停止党籍/自行脱党/出党/去世)', false, '留空为正常', '正常'),
  column('joinedOn', '入党日期', false, '日期，格式 YYYY-MM-DD', '2010-06-30'),
  column('confirmedOn', '转正日期', false, '仅正式党员填写，不得早于入党日期', '2011-06-30'),
  column(
    'validFrom',
    '起始日期',
    false,
    '组织关系自该日起生效（新党员或支部、状态变更时）；留空为导入当天',
    '2024-09-01',
  ),
];

export const columnByKey = Object.fromEntries(rosterColumns.map((c) => [c.key, c])) as Record<RosterKey, RosterColumn>;

/** The label of a column, for error reports. */
export const labelOf = (key: RosterKey) => columnByKey[key].label;
