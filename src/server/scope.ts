/**
 * What an actor may reach, turned into SQL. Every list and load in a module applies one of these
 * predicates inside its query, so a forgotten check cannot leak another branch's or another
 * university's records.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const Roles = [
  'platformAdmin',
  'oversightViewer',
  'orgDepartmentAdmin',
  'collegeAdmin',
  'branchSecretary',
  'member',
] as const;
export type Role = (typeof Roles)[number];

/** A subtree of one university's org tree: every org whose path starts with `path`. */
export type Area = { tenantId: string; path: string };

export type Grant = {
  role: Role;
  tenantId: string | null;
  orgId: string | null;
  /** Path of the granted org, resolved at login. */
  orgPath: string | null;
  oversightBodyId: string | null;
};

export type Actor = {
  accountId: string;
  username: string;
  displayName: string;
  locale: 'zh-CN' | 'en-US';
  tenantId: string | null;
  personId: string | null;
  grants: Grant[];
  /** Subtrees the actor may read. */
  readAreas: Area[];
  /** Subtrees the actor may change. */
  writeAreas: Area[];
  /** Platform admins reach everything. */
  all: boolean;
};

const writingRoles: Role[] = ['orgDepartmentAdmin', 'collegeAdmin', 'branchSecretary'];

/** Builds an actor's areas from its grants; oversight grants become the roots of their universities. */
export function buildActor(
  base: Omit<Actor, 'readAreas' | 'writeAreas' | 'all'>,
  oversightUniversities: { tenantId: string; rootPath: string }[],
): Actor {
  const readAreas: Area[] = [];
  const writeAreas: Area[] = [];
  for (const g of base.grants) {
    if (g.role === 'oversightViewer') continue;
    if (!g.tenantId || !g.orgPath) continue;
    if (g.role === 'member') continue;
    readAreas.push({ tenantId: g.tenantId, path: g.orgPath });
    if (writingRoles.includes(g.role)) writeAreas.push({ tenantId: g.tenantId, path: g.orgPath });
  }
  for (const u of oversightUniversities) readAreas.push({ tenantId: u.tenantId, path: u.rootPath });
  return {
    ...base,
    readAreas: collapse(readAreas),
    writeAreas: collapse(writeAreas),
    all: base.grants.some((g) => g.role === 'platformAdmin'),
  };
}

/** Drops areas contained in another area, so predicates stay short. */
function collapse(areas: Area[]): Area[] {
  return areas.filter(
    (a, i) =>
      !areas.some(
        (b, j) => j !== i && b.tenantId === a.tenantId && a.path.startsWith(b.path) && (a.path !== b.path || j < i),
      ),
  );
}

export type Access = 'read' | 'write';

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `tenant_id = … AND path LIKE '…%'` for each area, ORed; `true` for a platform admin,
 * `false` for someone with no area.
 */
export function orgInScope(
  actor: Actor,
  access: Access,
  tenantColumn: AnyPgColumn | SQL,
  pathColumn: AnyPgColumn | SQL,
): SQL {
  if (actor.all) return sql`true`;
  const areas = access === 'read' ? actor.readAreas : actor.writeAreas;
  if (areas.length === 0) return sql`false`;
  const parts = areas.map((a) => sql`(${tenantColumn} = ${a.tenantId} and ${pathColumn} like ${likePrefix(a.path)})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Whether a single org path (already loaded) lies in the actor's areas. */
export function pathInScope(actor: Actor, access: Access, tenantId: string, path: string): boolean {
  if (actor.all) return true;
  const areas = access === 'read' ? actor.readAreas : actor.writeAreas;
  return areas.some((a) => a.tenantId === tenantId && path.startsWith(a.path));
}

/** Tenants the actor reaches at all (for tenant-wide lists such as the calendar). */
export function tenantIdsInScope(actor: Actor, access: Access): string[] {
  const areas = access === 'read' ? actor.readAreas : actor.writeAreas;
  return [...new Set(areas.map((a) => a.tenantId))];
}

/** Whether the actor holds a university-wide (root) area of this tenant. */
export function holdsTenantRoot(actor: Actor, access: Access, tenantId: string): boolean {
  if (actor.all) return true;
  const areas = access === 'read' ? actor.readAreas : actor.writeAreas;
  return areas.some((a) => a.tenantId === tenantId && a.path === `/${tenantId}/`);
}

/**
 * A person is in scope when they hold a current membership in an org of the actor's areas,
 * when the actor holds the whole university (people without membership: staff, applicants),
 * or when the person is the actor themself (read only).
 */
export function personInScope(
  actor: Actor,
  access: Access,
  personTenant: AnyPgColumn | SQL,
  personId: AnyPgColumn | SQL,
): SQL {
  if (actor.all) return sql`true`;
  const areas = access === 'read' ? actor.readAreas : actor.writeAreas;
  const roots = areas.filter((a) => a.path === `/${a.tenantId}/`).map((a) => a.tenantId);
  const parts: SQL[] = [];
  if (roots.length)
    parts.push(
      sql`${personTenant} in (${sql.join(
        roots.map((t) => sql`${t}::uuid`),
        sql`, `,
      )})`,
    );
  if (areas.length) {
    parts.push(sql`exists (select 1 from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where m.tenant_id = ${personTenant} and m.person_id = ${personId} and m.valid_to is null
      and ${orgInScope(actor, access, sql`o.tenant_id`, sql`o.path`)})`);
  }
  if (access === 'read' && actor.personId) parts.push(sql`${personId} = ${actor.personId}::uuid`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}
