/** Findings written straight into the table, for tests about listing, filtering and dashboards. */

import type { Db } from '../../db/connect.ts';
import { findingEvents, findings } from '../../db/schema.ts';

let serial = 0;

export async function insertFinding(
  db: Db,
  props: {
    tenantId: string;
    org: { id: string; path: string };
    rule: string;
    severity?: 'breach' | 'warning' | 'info';
    personId?: string | null;
    period?: string | null;
    status?: 'open' | 'resolved';
    message?: string;
    evidence?: { kind: string; id: string; label?: string }[];
    numbers?: Record<string, number | string | null> | null;
    openedAt?: Date;
  },
) {
  serial += 1;
  const severity = props.severity ?? 'breach';
  const message = props.message ?? `${props.rule}测试问题${serial}`;
  const [row] = await db
    .insert(findings)
    .values({
      tenantId: props.tenantId,
      key: `${props.rule}|${props.org.id}|${props.personId ?? ''}|${props.period ?? ''}|${serial}`,
      rule: props.rule,
      family: props.rule.split('-')[0],
      severity,
      orgId: props.org.id,
      orgPath: props.org.path,
      personId: props.personId ?? null,
      period: props.period === undefined ? '2025-Q3' : props.period,
      messageZh: message,
      messageEn: `${props.rule} test finding ${serial}`,
      source: '003 测试条款',
      evidence: props.evidence ?? [],
      numbers: props.numbers ?? null,
      status: props.status ?? 'open',
      resolvedAt: props.status === 'resolved' ? new Date() : null,
      ...(props.openedAt ? { openedAt: props.openedAt } : {}),
    })
    .returning();
  await db.insert(findingEvents).values({ tenantId: props.tenantId, findingId: row.id, event: 'opened', severity });
  return row;
}
