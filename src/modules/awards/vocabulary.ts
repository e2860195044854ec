/** Chinese and English names of award kinds and statuses, for exports. */
import type { Bilingual } from '../../server/errors.ts';

export const awardKindNames: Record<string, Bilingual> = {
  outstandingMember: { zh: '优秀共产党员', en: 'outstanding member' },
  outstandingWorker: { zh: '优秀党务工作者', en: 'outstanding Party-affairs worker' },
  advancedOrg: { zh: '先进基层党组织', en: 'advanced grassroots organization' },
};
export const awardStatusNames: Record<string, Bilingual> = {
  nominated: { zh: '已推荐', en: 'nominated' },
  reviewed: { zh: '已审核', en: 'reviewed' },
  publicized: { zh: '公示中', en: 'publicized' },
  decided: { zh: '已表彰', en: 'decided' },
  rejected: { zh: '未通过', en: 'rejected' },
};
