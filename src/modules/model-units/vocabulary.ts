/** Chinese and English names of model-unit kinds, levels and statuses, for exports. */
import type { Bilingual } from '../../server/errors.ts';

export const kindNames: Record<string, Bilingual> = {
  modelBranch: { zh: '样板党支部', en: 'model branch' },
  benchmarkCollege: { zh: '标杆院系', en: 'benchmark college' },
  dualLeaderStudio: { zh: '双带头人教师党支部书记工作室', en: 'dual-leader studio' },
};
export const levelNames: Record<string, Bilingual> = {
  school: { zh: '校级', en: 'school' },
  province: { zh: '省级', en: 'province' },
  national: { zh: '国家级', en: 'national' },
};
export const statusNames: Record<string, Bilingual> = {
  applied: { zh: '已申报', en: 'applied' },
  cultivating: { zh: '培育中', en: 'cultivating' },
  accepted: { zh: '已验收', en: 'accepted' },
  rejected: { zh: '未通过', en: 'rejected' },
  revoked: { zh: '已撤销', en: 'revoked' },
};
