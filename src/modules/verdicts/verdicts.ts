/**
 * Verdicts on manual rules. Judging is the superior's job (组织上级), so a verdict on an org needs
 * write scope over its parent — a branch secretary cannot certify their own branch; the
 * organization department judges the university itself. Every write is audited.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ruleVerdicts } from '../../db/schema.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, notFound, stale } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, orgInScope, pathInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import type { CreateVerdict, UpdateVerdict, VerdictView } from './schema.ts';

const label = { zh: '人工判定', en: 'verdict' };

async function loadJudgeableOrg(tx: Tx, actor: Actor, orgId: string) {
  const [org] = await selectRows<{ tenantId: string; id: string; path: string; parentPath: string | null }>(
    tx,
    sql`select o.tenant_id as "tenantId", o.id, o.path, p.path as "parentPath"
      from orgs o left join orgs p on p.tenant_id = o.tenant_id and p.id = o.parent_id
      where o.id = ${orgId} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  const mayJudge = org.parentPath
    ? pathInScope(actor, 'write', org.tenantId, org.parentPath)
    : holdsTenantRoot(actor, 'write', org.tenantId);
  if (!mayJudge)
    throw badInput([
      {
        field: 'body.orgId',
        reason: '人工判定须由上级党组织作出 / a verdict is given by the superior organization, not the org itself',
      },
    ]);
  return org;
}

function checkRule(rule: string) {
  const found = ruleById.get(rule);
  if (!found?.manual)
    throw badInput([
      {
        field: 'body.rule',
        reason: found
          ? `${rule} 由系统自动检查，无需人工判定 / ${rule} is checked automatically`
          : `${rule} 不是需人工判定的规则 / ${rule} is not a manual rule`,
      },
    ]);
}

/** Verdicts with their org, as the API shows them, for any condition on `v` (rule_verdicts) and `o` (orgs). */
function selectVerdicts(tx: Tx, condition: SQL): Promise<VerdictView[]> {
  return selectRows<VerdictView>(
    tx,
    sql`select v.id, v.rule, json_build_object('id', o.id, 'code', o.code, 'name', o.name) as org, v.period, v.verdict,
        v.note, to_char(v.decided_on, 'YYYY-MM-DD') as "decidedOn", v.decided_by_name as "decidedByName", v.version
      from rule_verdicts v join orgs o on o.tenant_id = v.tenant_id and o.id = v.org_id
      where ${condition}
      order by v.decided_on desc, v.rule limit 500`,
  );
}

export function listVerdicts(tx: Tx, actor: Actor, filters: { org?: string; rule?: string }): Promise<VerdictView[]> {
  const subtree = filters.org ? sql`and o.path like (select path from orgs where id = ${filters.org}) || '%'` : sql``;
  const rule = filters.rule ? sql`and v.rule = ${filters.rule}` : sql``;
  return selectVerdicts(tx, sql`${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)} ${subtree} ${rule}`);
}

export async function createVerdict(tx: Tx, actor: Actor, input: CreateVerdict, today: string) {
  checkRule(input.rule);
  const org = await loadJudgeableOrg(tx, actor, input.orgId);
  const [existing] = await tx
    .select({ id: ruleVerdicts.id })
    .from(ruleVerdicts)
    .where(
      and(
        eq(ruleVerdicts.tenantId, org.tenantId),
        eq(ruleVerdicts.rule, input.rule),
        eq(ruleVerdicts.orgId, org.id),
        input.period === null ? sql`${ruleVerdicts.period} is null` : eq(ruleVerdicts.period, input.period),
      ),
    );
  if (existing)
    throw conflict(
      { zh: '该组织在此期间已有判定，请修改原判定', en: 'There is already a verdict for this org and period; edit it' },
      { id: existing.id },
    );
  const [row] = await tx
    .insert(ruleVerdicts)
    .values({
      tenantId: org.tenantId,
      rule: input.rule,
      orgId: org.id,
      period: input.period,
      verdict: input.verdict,
      note: input.note,
      decidedOn: input.decidedOn ?? today,
      decidedByName: actor.displayName,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'ruleVerdict',
    entityId: row.id,
    tenantId: row.tenantId,
    orgPath: org.path,
    after: row,
  });
  return row;
}

async function loadVerdictForWrite(tx: Tx, actor: Actor, id: string) {
  const [row] = await selectRows<{ id: string; orgId: string }>(
    tx,
    sql`select v.id, v.org_id as "orgId" from rule_verdicts v join orgs o on o.tenant_id = v.tenant_id and o.id = v.org_id
      where v.id = ${id} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!row) throw notFound(label);
  const org = await loadJudgeableOrg(tx, actor, row.orgId);
  const [verdict] = await tx
    .select()
    .from(ruleVerdicts)
    .where(and(eq(ruleVerdicts.tenantId, org.tenantId), eq(ruleVerdicts.id, id)));
  return { org, verdict };
}

export async function updateVerdict(tx: Tx, actor: Actor, id: string, input: UpdateVerdict) {
  const { org, verdict } = await loadVerdictForWrite(tx, actor, id);
  if (verdict.version !== input.version) throw stale();
  const [updated] = await tx
    .update(ruleVerdicts)
    .set({
      verdict: input.verdict ?? verdict.verdict,
      note: input.note ?? verdict.note,
      decidedOn: input.decidedOn ?? verdict.decidedOn,
      decidedByName: actor.displayName,
      updatedAt: sql`now()`,
      version: sql`${ruleVerdicts.version} + 1`,
    })
    .where(
      and(eq(ruleVerdicts.tenantId, org.tenantId), eq(ruleVerdicts.id, id), eq(ruleVerdicts.version, input.version)),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'ruleVerdict',
    entityId: id,
    tenantId: org.tenantId,
    orgPath: org.path,
    before: verdict,
    after: updated,
  });
  return updated;
}

export async function deleteVerdict(tx: Tx, actor: Actor, id: string, version: number) {
  const { org, verdict } = await loadVerdictForWrite(tx, actor, id);
  if (verdict.version !== version) throw stale();
  await tx.delete(ruleVerdicts).where(and(eq(ruleVerdicts.tenantId, org.tenantId), eq(ruleVerdicts.id, id)));
  await recordAudit(tx, actor, {
    action: 'delete',
    entity: 'ruleVerdict',
    entityId: id,
    tenantId: org.tenantId,
    orgPath: org.path,
    before: verdict,
  });
}

/** The view of one stored row, with its org. */
export async function presentVerdict(tx: Tx, id: string): Promise<VerdictView> {
  const [view] = await selectVerdicts(tx, sql`v.id = ${id}`);
  return view;
}
