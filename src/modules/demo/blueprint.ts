/**
 * The shape of the demo university: its colleges and branches, as a vocational college like the
 * ones in the source documents is organized. Sizes are the members each branch has on the as-of
 * day (before a little random growth); people, dates and seats are drawn by the generator.
 */
import type { Gender } from './names.ts';

export type CollegeSubkind = 'collegeCommittee' | 'generalBranch' | 'officeCommittee';
export type BranchCategory = 'teacher' | 'student' | 'office' | 'service' | 'retired' | 'mixed';

export type CollegePlan = {
  code: string;
  name: string;
  subkind: CollegeSubkind;
  /** The administrative unit people of this college belong to. */
  unit: string;
  /** Years before the as-of year that the college was set up. */
  foundedYearsAgo: number;
  majors: string[];
  /** Share of men among its students and teachers (機电 many, 护理 few). */
  maleShare: number;
};

export type BranchPlan = {
  code: string;
  /** A college code, or null for a branch directly under the university (直属党支部). */
  college: string | null;
  name: string;
  category: BranchCategory;
  size: number;
  /** Units the staff belong to; a joint branch (联合党支部) covers them all. */
  units?: string[];
  joint?: boolean;
  /** Teaching unit of a direct branch (no college to take it from). */
  maleShare?: number;
};

export const UNIVERSITY = {
  code: 'demo',
  name: '示范职业技术学院',
  standardSets: ['national-baseline', 'hbzy-2019-3s3n'],
};

export const colleges: CollegePlan[] = [
  {
    code: 'c-mech',
    name: '机电工程学院党委',
    subkind: 'collegeCommittee',
    unit: '机电工程学院',
    foundedYearsAgo: 10,
    majors: ['机电一体化技术', '数控技术', '工业机器人技术', '汽车检测与维修技术'],
    maleShare: 0.8,
  },
  {
    code: 'c-info',
    name: '信息工程学院党委',
    subkind: 'collegeCommittee',
    unit: '信息工程学院',
    foundedYearsAgo: 10,
    majors: ['计算机应用技术', '软件技术', '大数据技术', '物联网应用技术'],
    maleShare: 0.65,
  },
  {
    code: 'c-econ',
    name: '经济管理学院党总支',
    subkind: 'generalBranch',
    unit: '经济管理学院',
    foundedYearsAgo: 10,
    majors: ['大数据与会计', '电子商务', '市场营销', '现代物流管理'],
    maleShare: 0.3,
  },
  {
    code: 'c-arch',
    name: '建筑工程学院党总支',
    subkind: 'generalBranch',
    unit: '建筑工程学院',
    foundedYearsAgo: 8,
    majors: ['建筑工程技术', '工程造价', '建筑装饰工程技术', '道路与桥梁工程技术'],
    maleShare: 0.7,
  },
  {
    code: 'c-health',
    name: '医药卫生学院党总支',
    subkind: 'generalBranch',
    unit: '医药卫生学院',
    foundedYearsAgo: 6,
    majors: ['护理', '药学', '康复治疗技术', '医学检验技术'],
    maleShare: 0.2,
  },
  {
    code: 'c-office',
    name: '机关党委',
    subkind: 'officeCommittee',
    unit: '机关',
    foundedYearsAgo: 10,
    majors: [],
    maleShare: 0.55,
  },
];

export const branches: BranchPlan[] = [
  { code: 'b-mech-t1', college: 'c-mech', name: '机电工程学院教工第一党支部', category: 'teacher', size: 24 },
  { code: 'b-mech-t2', college: 'c-mech', name: '机电工程学院教工第二党支部', category: 'teacher', size: 20 },
  { code: 'b-mech-s1', college: 'c-mech', name: '机电工程学院学生第一党支部', category: 'student', size: 60 },
  { code: 'b-mech-s2', college: 'c-mech', name: '机电工程学院学生第二党支部', category: 'student', size: 54 },
  { code: 'b-info-t1', college: 'c-info', name: '信息工程学院教工党支部', category: 'teacher', size: 28 },
  { code: 'b-info-s1', college: 'c-info', name: '信息工程学院学生第一党支部', category: 'student', size: 58 },
  { code: 'b-info-s2', college: 'c-info', name: '信息工程学院学生第二党支部', category: 'student', size: 52 },
  { code: 'b-info-m1', college: 'c-info', name: '信息工程学院创新创业师生党支部', category: 'mixed', size: 16 },
  { code: 'b-econ-t1', college: 'c-econ', name: '经济管理学院教工党支部', category: 'teacher', size: 20 },
  { code: 'b-econ-s1', college: 'c-econ', name: '经济管理学院学生第一党支部', category: 'student', size: 48 },
  { code: 'b-econ-s2', college: 'c-econ', name: '经济管理学院学生第二党支部', category: 'student', size: 44 },
  { code: 'b-arch-t1', college: 'c-arch', name: '建筑工程学院教工党支部', category: 'teacher', size: 21 },
  { code: 'b-arch-s1', college: 'c-arch', name: '建筑工程学院学生党支部', category: 'student', size: 50 },
  { code: 'b-arch-m1', college: 'c-arch', name: '建筑工程学院工程实训中心师生党支部', category: 'mixed', size: 12 },
  { code: 'b-health-t1', college: 'c-health', name: '医药卫生学院教工党支部', category: 'teacher', size: 19 },
  { code: 'b-health-s1', college: 'c-health', name: '医药卫生学院学生第一党支部', category: 'student', size: 52 },
  { code: 'b-health-s2', college: 'c-health', name: '医药卫生学院学生第二党支部', category: 'student', size: 46 },
  {
    code: 'b-off-admin',
    college: 'c-office',
    name: '党政办公室党支部',
    category: 'office',
    size: 14,
    units: ['党委办公室', '院长办公室'],
  },
  {
    code: 'b-off-org',
    college: 'c-office',
    name: '组织人事党支部',
    category: 'office',
    size: 12,
    units: ['党委组织部', '人事处'],
  },
  {
    code: 'b-off-academic',
    college: 'c-office',
    name: '教务科研党支部',
    category: 'office',
    size: 13,
    units: ['教务处', '科研处'],
  },
  {
    code: 'b-off-student',
    college: 'c-office',
    name: '学生工作党支部',
    category: 'office',
    size: 12,
    units: ['学生工作处', '招生就业处'],
  },
  {
    code: 'b-off-finance',
    college: 'c-office',
    name: '财务审计党支部',
    category: 'office',
    size: 9,
    units: ['财务处', '审计处'],
  },
  {
    code: 'b-off-joint',
    college: 'c-office',
    name: '工会图书馆档案馆联合党支部',
    category: 'office',
    size: 9,
    units: ['工会', '图书馆', '档案馆'],
    joint: true,
  },
  { code: 'b-off-security', college: 'c-office', name: '保卫处党支部', category: 'office', size: 6, units: ['保卫处'] },
  {
    code: 'b-svc-1',
    college: 'c-office',
    name: '后勤管理处党支部',
    category: 'service',
    size: 11,
    units: ['后勤管理处'],
  },
  {
    code: 'b-svc-2',
    college: 'c-office',
    name: '后勤服务中心党支部',
    category: 'service',
    size: 8,
    units: ['后勤服务中心'],
  },
  {
    code: 'b-marx',
    college: null,
    name: '马克思主义学院党支部',
    category: 'teacher',
    size: 17,
    units: ['马克思主义学院'],
    maleShare: 0.45,
  },
  {
    code: 'b-basic',
    college: null,
    name: '公共基础部体育部联合党支部',
    category: 'teacher',
    size: 14,
    units: ['公共基础部', '体育部'],
    joint: true,
    maleShare: 0.5,
  },
  {
    code: 'b-cont',
    college: null,
    name: '继续教育学院党支部',
    category: 'teacher',
    size: 6,
    units: ['继续教育学院'],
    maleShare: 0.5,
  },
  {
    code: 'b-retired-1',
    college: null,
    name: '离退休第一党支部',
    category: 'retired',
    size: 38,
    units: ['离退休工作处'],
    maleShare: 0.6,
  },
  {
    code: 'b-retired-2',
    college: null,
    name: '离退休第二党支部',
    category: 'retired',
    size: 30,
    units: ['离退休工作处'],
    maleShare: 0.5,
  },
];

/** The internship branch (临时党支部) of the final-year students of one college. */
export const TEMPORARY_BRANCH = {
  code: 'b-mech-intern',
  college: 'c-mech',
  name: '机电工程学院顶岗实习临时党支部',
  /** Its members move in from these branches on the day it is approved. */
  from: ['b-mech-s1', 'b-mech-s2'],
  size: 8,
};

/** University leaders (校级领导): leading cadres who take part in the office branch's life. */
export const universityLeaders: { title: string; gender?: Gender }[] = [
  { title: '党委书记' },
  { title: '院长' },
  { title: '党委副书记' },
  { title: '副院长' },
  { title: '副院长' },
  { title: '纪委书记' },
];
