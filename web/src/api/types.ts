/** Shapes of the API responses the web app reads (see the zod schemas of each module). */

export type Role =
  | 'platformAdmin'
  | 'oversightViewer'
  | 'orgDepartmentAdmin'
  | 'collegeAdmin'
  | 'branchSecretary'
  | 'member';
export const Roles: Role[] = [
  'platformAdmin',
  'oversightViewer',
  'orgDepartmentAdmin',
  'collegeAdmin',
  'branchSecretary',
  'member',
];

export type Locale = 'zh-CN' | 'en-US';

export type SessionGrant = {
  role: Role;
  tenantId: string | null;
  orgId: string | null;
  oversightBodyId: string | null;
};
export type SessionAccount = {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  tenantId: string | null;
  personId: string | null;
  grants: SessionGrant[];
};
export type Session = { account: SessionAccount; csrfToken: string };

export type OrgKind = 'university' | 'college' | 'branch' | 'group';

export type OrgNode = {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  subkind: string | null;
  branchCategory: string | null;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  memberCount?: number;
  children: OrgNode[];
};

export type TemporaryInfo = { approvedOn?: string; approvedBy?: string; endsOn?: string; purpose?: string };

export type Org = {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  kind: OrgKind;
  subkind: string | null;
  branchCategory: string | null;
  parentId: string | null;
  path: string;
  depth?: number;
  jointUnits: string[];
  temporary: TemporaryInfo | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

export type OrgRef = { id: string; code?: string; name: string; kind?: OrgKind; validTo?: string | null };

export type Position = {
  id: string;
  version: number;
  role: string;
  personId: string;
  personName: string;
  personCode?: string;
  validFrom: string;
  validTo: string | null;
  dualLeader: boolean;
};

export type Term = {
  id: string;
  version: number;
  orgId: string;
  orgName?: string;
  electedOn: string;
  endsOn: string;
  daysLeft: number;
  positions: Position[];
  vacantRoles: string[];
};

export type OrgDetail = {
  org: Org;
  ancestors: OrgRef[];
  children: (OrgRef & Partial<Org>)[];
  counts: { full: number; probationary: number };
  currentTerm: Term | null;
};

export type OrgHistoryItem = {
  id: string;
  change: string;
  name: string;
  parentId: string | null;
  parentName?: string | null;
  kind: string;
  subkind: string | null;
  branchCategory: string | null;
  validFrom: string;
  validTo: string | null;
};

export type CurrentMembership = {
  id: string;
  version: number;
  status: string;
  standing: string;
  joinedOn: string | null;
  confirmedOn: string | null;
  orgId: string;
  orgName: string;
  groupId: string | null;
  groupName: string | null;
  validFrom: string;
};

export type Person = {
  id: string;
  code: string;
  name: string;
  nameInitials?: string | null;
  gender: string | null;
  birthDate: string | null;
  personCategory: string;
  unit: string | null;
  title: string | null;
  leadingCadre: boolean;
  phone: string | null;
  email: string | null;
  version: number;
};

export type PersonListItem = Person & { membership: CurrentMembership | null };

export type Seat = {
  id: string;
  role: string;
  termId: string;
  orgId: string;
  orgName: string;
  validFrom: string;
  validTo: string | null;
  dualLeader: boolean;
};

export type PersonDetail = {
  person: Person;
  memberships: (CurrentMembership & { validTo: string | null })[];
  positions: Seat[];
};

export type AccountGrant = {
  id: string;
  role: Role;
  tenantId: string | null;
  orgId: string | null;
  orgName: string | null;
  oversightBodyId: string | null;
  oversightBodyName: string | null;
};

export type Account = {
  id: string;
  username: string;
  displayName: string;
  tenantId: string | null;
  personId: string | null;
  personName: string | null;
  locale: string;
  disabled: boolean;
  version: number;
  createdAt: string;
  passwordChangedAt: string | null;
  grants: AccountGrant[];
};

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  tenantId?: string | null;
  orgPath?: string | null;
};

export type Page<T> = { items: T[]; total: number };
export type Items<T> = { items: T[] };
