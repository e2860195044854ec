/**
 * Every rule id of the catalog (`rules.md`), with its clause: the ids a standard set or an override
 * may name. Ids without an implementation yet are known (adoptable) but produce no findings.
 */
export const ruleCatalog: { id: string; text: string; source: string }[] = [
  {
    id: 'ORG-01',
    text: 'A branch has at least `minFull` full members; a unit with fewer joins a joint branch',
    source: '003 支部设置1; 004 二.3',
  },
  { id: 'ORG-02', text: 'A joint branch covers at most `maxUnits` units', source: '003 支部设置1' },
  {
    id: 'ORG-03',
    text: 'A branch with ≥ `committeeFrom` full members has a committee of 3–5 (never more than 7, always odd) with a secretary and organization, propaganda and discipline members; at most one deputy',
    source: '003 支部设置2',
  },
  {
    id: 'ORG-04',
    text: 'A branch below `committeeFrom` has a secretary (at most one deputy) and no committee',
    source: '003 支部设置2',
  },
  {
    id: 'ORG-05',
    text: 'A branch above `maxSize` members is divided into groups, each with a group leader, and every member is in a group',
    source: '003 支部设置3',
  },
  {
    id: 'ORG-06',
    text: 'A committee (or secretary where there is none) is re-elected when its term ends; warn `warnDays` before',
    source: '003 支部设置7; 002 任务12',
  },
  {
    id: 'ORG-07',
    text: 'A vacant secretary, deputy or committee seat is filled within `fillDays`',
    source: '003 支部设置8',
  },
  { id: 'ORG-08', text: 'Every member in normal standing belongs to a branch', source: '003 党员教育管理1' },
  {
    id: 'ORG-09',
    text: "A temporary branch has the superior's approval and an end date; it is closed when it ends",
    source: '003 支部设置5; 001 第2条',
  },
  {
    id: 'ORG-10',
    text: 'Every teacher-branch secretary is a dual leader (双带头人); coverage is 100 %',
    source: '002 任务14; 003 工作保障6',
  },
  {
    id: 'ORG-11',
    text: "An office or service branch's secretary is the head of that unit",
    source: '003 支部设置6; 002 任务14; 004 二.3',
  },
  {
    id: 'ORG-12',
    text: "A student branch's secretary is a counselor, a core teacher or an outstanding student member",
    source: '003 支部设置6; 001 第11条',
  },
  {
    id: 'ORG-13',
    text: 'A college-level organization has at least `minOrganizers` full-time organizers',
    source: '003 工作保障2; 002 任务16',
  },
  { id: 'ORG-14', text: 'A college (二级学院) has a full-time deputy secretary', source: '002 任务16' },
  {
    id: 'ORG-15',
    text: 'Full-time Party-affairs and ideological staff are at least `ratio` of all staff and students',
    source: '002 任务16',
  },
  {
    id: 'ORG-16',
    text: 'Every college-level organization has at least one activity venue meeting the checklist (sign, flag, equipment, rules, archive, notice board; oath, rights and duties, structure on the wall; bookcase, honours board, newspaper rack)',
    source: '003 活动阵地1–4; 000 (四)1',
  },
  {
    id: 'ORG-17',
    text: 'A venue keeps a usage log; an unused venue (no use in `idleDays`) is flagged',
    source: '003 活动阵地3',
  },
  { id: 'LIFE-01', text: 'At least one general assembly (支部党员大会) a quarter', source: '003 制度机制2' },
  {
    id: 'LIFE-02',
    text: 'At least one committee meeting a month (branches with a committee)',
    source: '003 制度机制2',
  },
  { id: 'LIFE-03', text: 'At least one group meeting a month in each group', source: '003 制度机制2' },
  { id: 'LIFE-04', text: 'At least one Party lecture a quarter', source: '003 制度机制3' },
  { id: 'LIFE-05', text: 'The secretary gives at least one Party lecture a year', source: '003 制度机制3' },
  { id: 'LIFE-06', text: 'One theme day (主题党日) a month', source: '003 组织生活3' },
  {
    id: 'LIFE-07',
    text: 'At least one organizational-life meeting (组织生活会) a year',
    source: '003 组织生活4; 000 五个坚持',
  },
  {
    id: 'LIFE-08',
    text: 'Democratic appraisal of every member once a year, in four steps (self, peer, democratic vote, organization verdict); leading cadres take part but are not voted on',
    source: '003 制度机制6; 000, 001 五个坚持',
  },
  {
    id: 'LIFE-09',
    text: 'Members have organizational life every `everyDays` days (the “五个坚持” standard)',
    source: '000 (二)3; 001 第4条',
  },
  {
    id: 'LIFE-10',
    text: 'The branch has a plan of its 三会一课 for the year, filed with the superior before `dueDate`',
    source: '003 组织生活1',
  },
  {
    id: 'LIFE-11',
    text: 'Every absence from a study or meeting has a make-up (补课) recorded within `makeupDays`',
    source: '003 组织生活2',
  },
  { id: 'LIFE-12', text: 'Every meeting record has minutes and a sign-in list (纪实)', source: '003 制度机制8' },
  {
    id: 'LIFE-13',
    text: 'A member with no organizational life for `months` consecutive months and no recorded reason is flagged for handling as lapsed (自行脱党); warn at `warnMonths`',
    source: '003 党员教育管理7; national (党章 第九条)',
  },
  {
    id: 'LIFE-14',
    text: 'Every member reports on thought and work to the branch at least once a year',
    source: '003 制度机制5; 000 五个坚持',
  },
  {
    id: 'LIFE-15',
    text: 'The branch reports its work to the superior in writing at least once a year, and the secretary reports to the general assembly at year end',
    source: '003 制度机制4; 003 五(三)',
  },
  {
    id: 'LIFE-16',
    text: 'A college-level organization hears at least one branch-building report a year and has its leaders linked to branches',
    source: '003 制度机制1',
  },
  {
    id: 'LIFE-17',
    text: 'The theory study group (理论学习中心组) of the university and of each college meets at least monthly',
    source: '000 (五)1; 001 第7条',
  },
  {
    id: 'LIFE-18',
    text: 'A college-level organization holds a comprehensive Party-affairs meeting (综合性议党会议) at least every half year',
    source: '000 (五)1',
  },
  {
    id: 'LIFE-19',
    text: 'The university committee studies Party building at least once a semester; each committee member convenes one such meeting for their departments a year',
    source: '002 三(一)',
  },
  {
    id: 'LIFE-20',
    text: 'University and college leaders (secretary, president, dean) give a Party lecture or political-theory class every semester, and a lecture at their branch or contact point every year',
    source: '002 任务4',
  },
  {
    id: 'LIFE-21',
    text: 'Leadership teams hold a democratic life meeting (民主生活会) every year',
    source: '000 (一)2',
  },
  {
    id: 'LIFE-22',
    text: "Leading cadres take part in their own branch's organizational life as ordinary members (双重组织生活)",
    source: '003 组织生活5; 001 第6条; 002 任务4',
  },
  { id: 'DEV-01', text: 'An applicant is at least 18 years old on the application date', source: 'national' },
  { id: 'DEV-02', text: 'The branch talks with an applicant within `talkDays` of the application', source: 'national' },
  { id: 'DEV-03', text: 'An activist has one or two mentors, all full members', source: 'national' },
  { id: 'DEV-04', text: 'An activist reports on thought and work at least once a quarter', source: '003 制度机制5' },
  { id: 'DEV-05', text: 'The branch assesses each activist every half year', source: '003 党员教育管理5; national' },
  {
    id: 'DEV-06',
    text: 'An activist becomes a candidate only after at least `trainingMonths` of training',
    source: 'national',
  },
  {
    id: 'DEV-07',
    text: 'A candidate has two sponsors who are full members, a political review and concentrated training (≥ 3 days or ≥ 24 hours) before the general assembly votes',
    source: 'national',
  },
  {
    id: 'DEV-08',
    text: 'The general assembly that admits or confirms is quorate (more than half of voting members present) and the motion carries with more than half of the voting members who should attend',
    source: 'national',
  },
  { id: 'DEV-09', text: 'The superior committee approves within `approveMonths` of the assembly', source: 'national' },
  {
    id: 'DEV-10',
    text: 'Probation lasts one year from the assembly; confirmation is discussed when it ends; an extension is 6 to 12 months, once',
    source: 'national',
  },
  { id: 'DEV-11', text: 'The college-level organization analyses its activist pool once a year', source: '002 任务15' },
  {
    id: 'DEV-12',
    text: "Development follows the annual plan: numbers admitted stay within the plan, and no more than `maxMonthShare` of a year's admissions fall in one month (no 突击发展)",
    source: '003 党员教育管理4',
  },
  { id: 'DEV-13', text: 'Student members are about `targetRatio` of students', source: '004 一' },
  {
    id: 'DEV-14',
    text: 'College and teacher-branch secretaries are linked to young-teacher activists',
    source: '003 党员教育管理5; 002 任务15',
  },
  {
    id: 'EDU-01',
    text: 'Each member has at least `hours` hours of concentrated study and training a year',
    source: '002 任务6; 003 党员教育管理2',
  },
  {
    id: 'EDU-02',
    text: 'Secretaries and committee members of college-level organizations and branches have at least `hours` hours and at least one concentrated training a year',
    source: '002 任务6',
  },
  {
    id: 'EDU-03',
    text: 'Every branch secretary attends the annual rotation training',
    source: '003 工作保障4; 000 (一)1',
  },
  {
    id: 'EDU-04',
    text: 'The Party school runs a training class for Party-affairs staff every year',
    source: '000 (一)1',
  },
  {
    id: 'DUES-01',
    text: "Each member's monthly dues follow the national brackets for their income base and category",
    source: 'national; 003 党员教育管理3',
  },
  { id: 'DUES-02', text: 'Dues are paid on time and in full', source: '003 党员教育管理3' },
  {
    id: 'DUES-03',
    text: 'A member with `months` consecutive unpaid months and no recorded reason is flagged as lapsed; warn at `warnMonths`',
    source: '003 党员教育管理7',
  },
  {
    id: 'DUES-04',
    text: 'Dues are spent only on Party activities; a share is returned to grassroots organizations',
    source: '003 工作保障5; 001 第13条',
  },
  {
    id: 'FUND-01',
    text: 'The Party-work budget is at least `perStaff` a year per staff member and `perStudent` per student member',
    source: '004 二.6',
  },
  {
    id: 'FUND-02',
    text: 'Each college-level organization receives its allocation and records every expense',
    source: '003 工作保障1; 000 (四)2',
  },
  {
    id: 'ASSESS-01',
    text: 'Every college-level and branch secretary is reviewed once a year (述职评议考核)',
    source: '000 (五)3; 001 第12条; 003 制度机制9',
  },
  {
    id: 'ASSESS-02',
    text: 'Every organization is rated once a year: advanced, good, fair or lagging; fair and lagging ones get a rectification plan',
    source: '004 三.2',
  },
  {
    id: 'ASSESS-03',
    text: 'Each branch rectifies at least `minItems` problems a year, each with owner, measures, deadline and verified evidence',
    source: '004 三.3',
  },
  {
    id: 'ASSESS-04',
    text: 'A weak branch (no committee where one is due, no organizational life for `months`, or rated lagging) is put under time-limited reorganization',
    source: '003 组织生活7, 制度机制7',
  },
  {
    id: 'ASSESS-05',
    text: 'Every branch is surveyed once a year (摸底排查, 六查六看)',
    source: '003 组织生活7; 004 三.2',
  },
  {
    id: 'ASSESS-06',
    text: 'Acceptance (达标验收) goes branch self-check → college first check → university re-check → certified; each step by its own role, in order',
    source: '003 第一阶段5',
  },
  {
    id: 'ASSESS-07',
    text: 'School-level model branches are at least `share` of all branches in the plan year',
    source: '003 第二、三阶段',
  },
  {
    id: 'ASSESS-08',
    text: 'Awards for outstanding members, Party-affairs workers and organizations are held every `everyYears` years',
    source: '001 第7条',
  },
  {
    id: 'ASSESS-09',
    text: 'Each organization sets up at least one practical rule or service carrier a year',
    source: '004 二.6, 三.4',
  },
  {
    id: 'LINK-01',
    text: 'Each university committee member has a contact point at a college-level organization; each college leadership member at a branch or student class',
    source: '000 (一)2; 001 第7条; 004 二.7',
  },
  {
    id: 'LINK-02',
    text: 'Each leader visits their contact point at least `visits` times a semester',
    source: '000 (一)2; 001 第7条',
  },
  {
    id: 'LINK-03',
    text: 'College leadership members each do “四个一” a year: host one study-group session, give one central speech, give one report to staff or students, write one article or research report',
    source: '000 (一)2',
  },
  { id: 'LINK-04', text: 'Each secretary leads one or two key Party-building projects a year', source: '004 二.7' },
  {
    id: 'LINK-05',
    text: 'Each college-level organization has a plan for the current action plan, filed with the university',
    source: '003 第一阶段2',
  },
  { id: 'LINK-06', text: 'Year-end reports flow branch → college → university', source: '003 五(三)' },
  {
    id: 'LINK-07',
    text: 'Plan tasks assigned to an organization are done by their deadline, with evidence',
    source: '002 三(二); 003 四',
  },
  {
    id: 'MEM-01',
    text: 'A transfer out is received by the destination within `days`; a member is never in two branches nor in none',
    source: '003 党员教育管理6; national',
  },
  {
    id: 'MEM-02',
    text: 'A mobile member is registered with both the sending and the receiving organization',
    source: '002 任务15; 003 党员教育管理6',
  },
  {
    id: 'MEM-03',
    text: 'A member with no contact for `months` is flagged as out of touch (失联)',
    source: '002 任务12',
  },
  {
    id: 'MEM-04',
    text: 'Leading cadres file their personal-matters report (个人重大事项报告) when due',
    source: '003 党员教育管理8',
  },
  {
    id: 'MEM-05',
    text: 'Members needing care (elderly, hardship) are visited at least once a year',
    source: '003 党员教育管理9; 002 任务21',
  },
];

export const knownRuleIds = new Set(ruleCatalog.map((r) => r.id));
