/** The findings list as an Excel workbook: Chinese headers, Chinese messages, the same filters as the list. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { buildWorkbook } from '../../server/excel.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { type FindingRow, findingColumns, findingJoins, findingsWhere, severityOrder } from './list-findings.ts';
import type { FindingsFilters } from './schema.ts';

/** One sheet stays usable (and the request bounded) below this many rows. */
export const EXPORT_LIMIT = 50_000;

const severityZh: Record<string, string> = { breach: '违规', warning: '预警', info: '提示' };
const statusZh: Record<string, string> = { open: '未解决', resolved: '已解决' };
const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
  hour12: false,
});
const time = (iso: string | null) => (iso ? shanghaiTime.format(new Date(iso)) : null);

export async function findingsWorkbook(tx: Tx, options: { actor: Actor; filters: FindingsFilters }) {
  const { page: _page, pageSize: _size, ...filters } = options.filters;
  const where = await findingsWhere(tx, options.actor, filters);
  const rows = await selectRows<FindingRow>(
    tx,
    sql`select ${findingColumns} from findings f ${findingJoins} where ${where}
      order by f.status, ${severityOrder}, o.code, f.rule, f.period desc nulls first, f.id limit ${EXPORT_LIMIT}`,
  );
  return buildWorkbook([
    {
      name: '合规问题',
      rows,
      columns: [
        { header: '规则编号', key: 'rule', width: 10, value: (r: FindingRow) => r.rule },
        { header: '类别', key: 'family', width: 8, value: (r: FindingRow) => r.family },
        { header: '严重程度', key: 'severity', width: 10, value: (r: FindingRow) => severityZh[r.severity] },
        { header: '组织', key: 'orgName', width: 28, value: (r: FindingRow) => r.orgName },
        { header: '组织编码', key: 'orgCode', width: 14, value: (r: FindingRow) => r.orgCode },
        { header: '党员', key: 'personName', width: 10, value: (r: FindingRow) => r.personName },
        { header: '党员编号', key: 'personCode', width: 12, value: (r: FindingRow) => r.personCode },
        { header: '期间', key: 'period', width: 10, value: (r: FindingRow) => r.period },
        { header: '问题描述', key: 'message', width: 60, value: (r: FindingRow) => r.messageZh },
        { header: '依据', key: 'source', width: 24, value: (r: FindingRow) => r.source },
        { header: '状态', key: 'status', width: 8, value: (r: FindingRow) => statusZh[r.status] },
        { header: '发现时间', key: 'openedAt', width: 18, value: (r: FindingRow) => time(r.openedAt) },
        { header: '解决时间', key: 'resolvedAt', width: 18, value: (r: FindingRow) => time(r.resolvedAt) },
      ],
    },
  ]);
}
