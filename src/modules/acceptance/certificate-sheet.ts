/** The Excel certificate list (达标支部名单) of a campaign. */
import { buildWorkbook, type Column } from '../../server/excel.ts';
import type { CertificateRow } from './schema.ts';

const columns: Column<CertificateRow>[] = [
  { header: '支部编码', key: 'code', value: (r) => r.orgCode },
  { header: '党支部', key: 'name', width: 30, value: (r) => r.orgName },
  { header: '所属院系', key: 'college', width: 30, value: (r) => r.collegeName ?? '直属党支部' },
  { header: '认定日期', key: 'on', width: 12, value: (r) => r.certifiedOn },
  { header: '复验人', key: 'by', width: 14, value: (r) => r.certifiedBy },
];

export const buildCertificateSheet = (campaign: { year: number; title: string }, rows: CertificateRow[]) =>
  buildWorkbook([{ name: `${campaign.year}年达标支部`, columns, rows }]);
