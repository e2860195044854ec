/** Requests and responses of the orgs capability: the tree, org records, committees and terms. */
import { z } from 'zod';
import { branchCategories, collegeSubkinds, positionRoles } from '../../domain/vocabulary.ts';
import { isoDate, version } from '../../server/zod.ts';

export const CreatableKinds = ['college', 'branch', 'group'] as const;
export const OrgKinds = ['university', ...CreatableKinds] as const;
export const CollegeSubkinds = collegeSubkinds;
export const BranchCategories = branchCategories;
export const SeatRoles = positionRoles;
export type CreatableKind = (typeof CreatableKinds)[number];
export type SeatRole = (typeof SeatRoles)[number];

/** 临时党支部: who approved it, when, what for, and when it ends. */
export const temporaryInput = z.object({
  approvedOn: isoDate.nullable().optional(),
  approvedBy: z.string().trim().max(100).nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  purpose: z.string().trim().max(200).nullable().optional(),
});
export type TemporaryInput = z.infer<typeof temporaryInput>;

const jointUnits = z.array(z.string().trim().min(1).max(100)).max(20);

export const createOrgBody = z.object({
  parentId: z.uuid(),
  kind: z.enum(CreatableKinds),
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  subkind: z.enum(CollegeSubkinds).nullable().optional(),
  branchCategory: z.enum(BranchCategories).nullable().optional(),
  jointUnits: jointUnits.optional(),
  temporary: temporaryInput.nullable().optional(),
  validFrom: isoDate,
});
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const updateOrgBody = z.object({
  version,
  effectiveOn: isoDate,
  name: z.string().trim().min(1).max(100).optional(),
  subkind: z.enum(CollegeSubkinds).nullable().optional(),
  branchCategory: z.enum(BranchCategories).nullable().optional(),
  jointUnits: jointUnits.optional(),
  temporary: temporaryInput.nullable().optional(),
});
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const moveOrgBody = z.object({ version, parentId: z.uuid(), effectiveOn: isoDate });
export const dissolveOrgBody = z.object({ version, effectiveOn: isoDate });

export const asOfQuery = z.object({ asOf: isoDate.optional() });
export const listOrgsQuery = z.object({
  parentId: z.uuid().optional(),
  kind: z.enum(OrgKinds).optional(),
  q: z.string().trim().max(50).optional(),
  asOf: isoDate.optional(),
});
export type ListOrgsFilters = z.infer<typeof listOrgsQuery>;

const temporaryView = z
  .object({
    approvedOn: z.string().nullable().optional(),
    approvedBy: z.string().nullable().optional(),
    endsOn: z.string().nullable().optional(),
    purpose: z.string().nullable().optional(),
  })
  .nullable();

export const orgView = z.object({
  id: z.string(),
  tenantId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  subkind: z.string().nullable(),
  branchCategory: z.string().nullable(),
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  jointUnits: z.array(z.string()),
  temporary: temporaryView,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  version: z.number(),
});
export type OrgView = z.infer<typeof orgView>;

export type OrgNode = {
  id: string;
  code: string;
  name: string;
  kind: string;
  subkind: string | null;
  branchCategory: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  memberCount: number;
  children: OrgNode[];
};
export const orgNode: z.ZodType<OrgNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    subkind: z.string().nullable(),
    branchCategory: z.string().nullable(),
    parentId: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    memberCount: z.number(),
    children: z.array(orgNode),
  }),
);
export const treeResponse = z.object({ asOf: z.string(), roots: z.array(orgNode) });

export const orgListItem = orgView.extend({ parentName: z.string().nullable() });
export const listOrgsResponse = z.object({ items: z.array(orgListItem) });

export const orgRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  subkind: z.string().nullable(),
  branchCategory: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const positionView = z.object({
  id: z.string(),
  version: z.number(),
  role: z.string(),
  personId: z.string(),
  personName: z.string(),
  personCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  dualLeader: z.boolean(),
});

export const termView = z.object({
  id: z.string(),
  version: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  electedOn: z.string(),
  endsOn: z.string(),
  daysLeft: z.number(),
  positions: z.array(positionView),
  vacantRoles: z.array(z.string()),
});
export type TermView = z.infer<typeof termView>;
export const termsResponse = z.object({ items: z.array(termView) });

export const orgDetail = z.object({
  org: orgView,
  ancestors: z.array(orgRef),
  children: z.array(orgRef),
  counts: z.object({ full: z.number(), probationary: z.number() }),
  currentTerm: termView.nullable(),
});

export const historyItem = z.object({
  id: z.string(),
  change: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  kind: z.string(),
  subkind: z.string().nullable(),
  branchCategory: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const historyResponse = z.object({ items: z.array(historyItem) });

export const positionInput = z.object({
  role: z.enum(SeatRoles),
  personId: z.uuid(),
  validFrom: isoDate,
  dualLeader: z.boolean().optional(),
});
export type PositionInput = z.infer<typeof positionInput>;

export const createTermBody = z.object({
  electedOn: isoDate,
  endsOn: isoDate,
  positions: z.array(positionInput).max(50).default([]),
});
export type CreateTermInput = z.infer<typeof createTermBody>;

export const updateTermBody = z.object({ version, electedOn: isoDate.optional(), endsOn: isoDate.optional() });
export const updatePositionBody = z.object({
  version,
  validTo: isoDate.nullable().optional(),
  dualLeader: z.boolean().optional(),
});
export const expiringQuery = z.object({ withinDays: z.coerce.number().int().min(0).max(3650).default(90) });
