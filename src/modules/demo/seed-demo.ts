/**
 * Loads the demo university and makes one login per role, with generated passwords. There is no
 * fixed default password anywhere: the passwords exist only in what this returns, printed once.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { accounts, grants, orgs, oversightBodies, people, tenants } from '../../db/schema.ts';
import { recordAudit, systemActor } from '../../server/audit.ts';
import { AppError } from '../../server/errors.ts';
import type { Actor, Role } from '../../server/scope.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { evaluate } from '../compliance/evaluate.ts';
import type { DatasetCounts } from '../dataset/import-dataset.ts';
import { importDataset } from '../dataset/import-dataset.ts';
import { UNIVERSITY } from './blueprint.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

export type DemoLogin = {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  /** What the login reaches, for the printed table (Chinese / English). */
  scope: string;
};

export type SeedDemoOptions = {
  asOf: string;
  seed?: number;
  actor?: Pick<Actor, 'accountId' | 'displayName'>;
};

export const DEMO_UNIVERSITY_CODE = UNIVERSITY.code;
const OVERSIGHT = { code: 'demo-oversight', name: '示范省委教育工委' };
/** The college, branch and member the demo logins are scoped to. */
const COLLEGE = 'c-mech';
const BRANCH = 'b-mech-s1';

type LoginPlan = {
  role: Role;
  username: string;
  displayName: string;
  scope: string;
  tenantId: string | null;
  orgId: string | null;
  orgPath: string | null;
  oversightBodyId: string | null;
  personId: string | null;
};

export async function demoExists(db: Tx): Promise<boolean> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, DEMO_UNIVERSITY_CODE));
  return Boolean(row);
}

export const demoAlreadyLoaded = () =>
  new AppError('CONFLICT', {
    zh: `示范学校（代码 ${DEMO_UNIVERSITY_CODE}）已存在，未重复载入`,
    en: `The demo university (code ${DEMO_UNIVERSITY_CODE}) already exists; nothing was loaded`,
  });

export async function seedDemo(db: Db, options: SeedDemoOptions) {
  const actor = options.actor ?? systemActor('zhibu seed --demo');
  const document = generateDemoDataset({ asOf: options.asOf, seed: options.seed ?? 1 });
  const secretaryCode = document.terms
    ?.find((t) => t.org === BRANCH)
    ?.positions?.find((p) => p.role === 'secretary' && !p.to)?.person;
  const seated = new Set(document.terms?.flatMap((t) => t.positions?.map((p) => p.person) ?? []));
  const memberCode = document.memberships?.find(
    (m) => m.org === BRANCH && !m.to && m.status === 'full' && !seated.has(m.person),
  )?.person;
  if (!secretaryCode || !memberCode) throw new Error('the demo generator gave the demo branch no secretary or member');

  // Hash before the transaction: argon2 is slow on purpose and should not hold it open.
  const passwords = Array.from({ length: 6 }, () => generatePassword());
  const hashes = await Promise.all(passwords.map(hashPassword));

  return db.transaction(async (tx) => {
    if (await demoExists(tx)) throw demoAlreadyLoaded();
    const body = await findOrCreateOversightBody(tx, actor);
    const imported = await importDataset(tx, { document, actor, oversightBodyId: body.id });
    const tenantId = imported.tenantId;

    const orgRows = await tx
      .select({ id: orgs.id, code: orgs.code, name: orgs.name, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.tenantId, tenantId), inArray(orgs.code, [DEMO_UNIVERSITY_CODE, COLLEGE, BRANCH])));
    const org = (code: string) => orgRows.find((o) => o.code === code) as (typeof orgRows)[number];
    const personRows = await tx
      .select({ id: people.id, code: people.code, name: people.name })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), inArray(people.code, [secretaryCode, memberCode])));
    const person = (code: string) => personRows.find((p) => p.code === code) as (typeof personRows)[number];

    const root = org(DEMO_UNIVERSITY_CODE);
    const college = org(COLLEGE);
    const branch = org(BRANCH);
    const secretary = person(secretaryCode);
    const member = person(memberCode);
    const inTenant = { tenantId, oversightBodyId: null };
    const plans: LoginPlan[] = [
      {
        role: 'platformAdmin',
        username: 'demo-platform',
        displayName: '平台管理员（示范）',
        scope: '全平台 / whole platform',
        tenantId: null,
        orgId: null,
        orgPath: null,
        oversightBodyId: null,
        personId: null,
      },
      {
        role: 'oversightViewer',
        username: 'demo-oversight',
        displayName: `${OVERSIGHT.name}（示范）`,
        scope: `${OVERSIGHT.name} / oversight body`,
        tenantId: null,
        orgId: null,
        orgPath: null,
        oversightBodyId: body.id,
        personId: null,
      },
      {
        role: 'orgDepartmentAdmin',
        username: 'demo-orgadmin',
        displayName: '党委组织部（示范）',
        scope: `${root.name} / university`,
        ...inTenant,
        orgId: root.id,
        orgPath: root.path,
        personId: null,
      },
      {
        role: 'collegeAdmin',
        username: 'demo-college',
        displayName: `${college.name}（示范）`,
        scope: `${college.name} / college`,
        ...inTenant,
        orgId: college.id,
        orgPath: college.path,
        personId: null,
      },
      {
        role: 'branchSecretary',
        username: 'demo-secretary',
        displayName: secretary.name,
        scope: `${branch.name} / branch`,
        ...inTenant,
        orgId: branch.id,
        orgPath: branch.path,
        personId: secretary.id,
      },
      {
        role: 'member',
        username: 'demo-member',
        displayName: member.name,
        scope: `${member.name}（本人 / self）`,
        ...inTenant,
        orgId: branch.id,
        orgPath: branch.path,
        personId: member.id,
      },
    ];

    const logins: DemoLogin[] = [];
    for (const [i, plan] of plans.entries()) {
      await createLogin(tx, plan, hashes[i], actor);
      logins.push({
        role: plan.role,
        username: plan.username,
        password: passwords[i],
        displayName: plan.displayName,
        scope: plan.scope,
      });
    }
    // The dashboards should have something to show on first start: evaluate the demo as of its day.
    const evaluation = await evaluate(tx, {
      tenantId,
      asOf: options.asOf,
      trigger: 'import',
      actorName: actor.displayName,
    });
    return { tenantId, counts: imported.counts as DatasetCounts, logins, findings: evaluation.counts.produced };
  });
}

async function findOrCreateOversightBody(tx: Tx, actor: Pick<Actor, 'accountId' | 'displayName'>) {
  const [existing] = await tx.select().from(oversightBodies).where(eq(oversightBodies.code, OVERSIGHT.code));
  if (existing) return existing;
  const [body] = await tx.insert(oversightBodies).values(OVERSIGHT).returning();
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'oversightBody',
    entityId: body.id,
    after: { code: body.code, name: body.name },
  });
  return body;
}

async function createLogin(
  tx: Tx,
  plan: LoginPlan,
  passwordHash: string,
  actor: Pick<Actor, 'accountId' | 'displayName'>,
) {
  const [taken] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`lower(${accounts.username}) = ${plan.username}`);
  if (taken)
    throw new AppError('CONFLICT', {
      zh: `用户名“${plan.username}”已被使用，无法创建示范账号`,
      en: `The username "${plan.username}" is taken; the demo logins cannot be created`,
    });
  const [account] = await tx
    .insert(accounts)
    .values({
      username: plan.username,
      displayName: plan.displayName,
      passwordHash,
      tenantId: plan.tenantId,
      personId: plan.personId,
    })
    .returning();
  const grant = { role: plan.role, tenantId: plan.tenantId, orgId: plan.orgId, oversightBodyId: plan.oversightBodyId };
  await tx.insert(grants).values({ accountId: account.id, ...grant });
  await recordAudit(tx, actor, {
    action: 'create',
    entity: 'account',
    entityId: account.id,
    tenantId: plan.tenantId,
    orgPath: plan.orgPath,
    after: { username: plan.username, displayName: plan.displayName, personId: plan.personId, grants: [grant] },
  });
}
