/**
 * Texts of the Party-work funds pages (党建工作经费). Merged into the app's dictionaries like the
 * other sections; the English object must have every Chinese key.
 */
export const fundsZhCN = {
  'nav.duesFunds': '党费经费',
  'nav.funds': '党建工作经费',

  'expenseCategory.activities': '组织活动',
  'expenseCategory.training': '教育培训',
  'expenseCategory.venues': '阵地建设',
  'expenseCategory.materials': '学习资料',
  'expenseCategory.care': '关怀慰问',
  'expenseCategory.other': '其他',

  'funds.title': '党建工作经费：预算与支出',
  'funds.hint':
    '预算标准：每名教职工党员每年不少于{perStaff}元、每名学生党员不少于{perStudent}元（按当年1月1日党员人数）。',
  'funds.org': '组织',
  'funds.year': '年度',
  'funds.export': '导出 Excel',
  'funds.college': '二级党组织',
  'funds.staff': '教职工党员',
  'funds.students': '学生党员',
  'funds.minimum': '标准下限(元)',
  'funds.budget': '预算(元)',
  'funds.allocated': '已拨付(元)',
  'funds.spent': '已支出(元)',
  'funds.balance': '结余(元)',
  'funds.noBudget': '未编列',
  'funds.belowMinimum': '低于标准',
  'funds.actions': '操作',
  'funds.setBudget': '编列预算',
  'funds.addAllocation': '登记拨付',
  'funds.addExpense': '登记支出',
  'funds.amount': '金额(元)',
  'funds.note': '备注',
  'funds.allocatedOn': '拨付日期',
  'funds.spentOn': '支出日期',
  'funds.category': '类别',
  'funds.description': '用途',
  'funds.save': '保存',
  'funds.saved': '已保存',
  'funds.total': '合计',
};

type FundsTexts = { [K in keyof typeof fundsZhCN]: string };

export const fundsEnUS: FundsTexts = {
  'nav.duesFunds': 'Dues and funds',
  'nav.funds': 'Party-work funds',

  'expenseCategory.activities': 'Activities',
  'expenseCategory.training': 'Training',
  'expenseCategory.venues': 'Venues',
  'expenseCategory.materials': 'Study materials',
  'expenseCategory.care': 'Care visits',
  'expenseCategory.other': 'Other',

  'funds.title': 'Party-work funds: budget and spending',
  'funds.hint':
    'Standard: at least {perStaff} yuan a year per staff member and {perStudent} yuan per student member (members on 1 January).',
  'funds.org': 'Organization',
  'funds.year': 'Year',
  'funds.export': 'Export to Excel',
  'funds.college': 'College-level organization',
  'funds.staff': 'Staff members',
  'funds.students': 'Student members',
  'funds.minimum': 'Floor (yuan)',
  'funds.budget': 'Budget (yuan)',
  'funds.allocated': 'Allocated (yuan)',
  'funds.spent': 'Spent (yuan)',
  'funds.balance': 'Balance (yuan)',
  'funds.noBudget': 'None',
  'funds.belowMinimum': 'Below the floor',
  'funds.actions': 'Actions',
  'funds.setBudget': 'Set budget',
  'funds.addAllocation': 'Record allocation',
  'funds.addExpense': 'Record expense',
  'funds.amount': 'Amount (yuan)',
  'funds.note': 'Note',
  'funds.allocatedOn': 'Allocated on',
  'funds.spentOn': 'Spent on',
  'funds.category': 'Category',
  'funds.description': 'Purpose',
  'funds.save': 'Save',
  'funds.saved': 'Saved',
  'funds.total': 'Total',
};
