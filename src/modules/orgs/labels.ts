/** Chinese names of org kinds, subkinds, categories and seats, for exports. */
export const kindLabels: Record<string, string> = {
  university: '学校党委',
  college: '二级党组织',
  branch: '党支部',
  group: '党小组',
};

export const subkindLabels: Record<string, string> = {
  collegeCommittee: '二级学院党委',
  generalBranch: '党总支',
  officeCommittee: '机关党委',
};

export const branchCategoryLabels: Record<string, string> = {
  teacher: '教师',
  student: '学生',
  office: '机关',
  service: '后勤',
  retired: '离退休',
  mixed: '师生联合',
};

/** 直属党支部 is a branch whose parent is the university itself. */
export const typeLabel = (org: { kind: string; subkind: string | null }, parentKind: string | null) => {
  if (org.kind === 'college' && org.subkind) return subkindLabels[org.subkind] ?? org.subkind;
  if (org.kind === 'branch' && parentKind === 'university') return '直属党支部';
  return kindLabels[org.kind] ?? org.kind;
};
