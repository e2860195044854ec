/** Requests and responses of the members capability (the OpenAPI document is built from these). */
import { z } from 'zod';
import {
  genders,
  type MembershipStatus,
  membershipStatuses,
  personCategories,
  standings,
} from '../../domain/vocabulary.ts';
import { isoDate, pagination, version } from '../../server/zod.ts';

export const Genders = genders;
export const PersonCategories = personCategories;
export const MemberStatuses = membershipStatuses;
export const Standings = standings;
export type { Gender, PersonCategory, Standing } from '../../domain/vocabulary.ts';
export type MemberStatus = MembershipStatus;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const personFields = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(50),
  gender: z.enum(Genders).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  personCategory: z.enum(PersonCategories),
  unit: optionalText(100),
  title: optionalText(100),
  leadingCadre: z.boolean().optional(),
  phone: optionalText(30),
  email: z.email().max(200).nullable().optional(),
});
export type PersonFields = z.infer<typeof personFields>;

export const membershipInput = z.object({
  orgId: z.uuid(),
  groupId: z.uuid().nullable().optional(),
  status: z.enum(MemberStatuses),
  standing: z.enum(Standings).optional(),
  joinedOn: isoDate.nullable().optional(),
  confirmedOn: isoDate.nullable().optional(),
  validFrom: isoDate,
});
export type MembershipInput = z.infer<typeof membershipInput>;

export const createPersonBody = personFields.extend({ membership: membershipInput.optional() });
export const updatePersonBody = personFields.partial().extend({ version });
export type PersonPatch = z.infer<typeof updatePersonBody>;

export const changeMembershipBody = z.object({
  effectiveOn: isoDate,
  orgId: z.uuid().optional(),
  groupId: z.uuid().nullable().optional(),
  status: z.enum(MemberStatuses).optional(),
  standing: z.enum(Standings).optional(),
  confirmedOn: isoDate.nullable().optional(),
  /** The version of the current membership the caller read; required when there is one. */
  membershipVersion: version.optional(),
});
export type MembershipChange = z.infer<typeof changeMembershipBody>;

export const peopleFilters = z.object({
  orgId: z.uuid().optional(),
  category: z.enum(PersonCategories).optional(),
  status: z.enum(MemberStatuses).optional(),
  standing: z.enum(Standings).optional(),
  q: z.string().trim().max(50).optional(),
});
export type PeopleFilters = z.infer<typeof peopleFilters>;
export const listPeopleQuery = peopleFilters.extend(pagination.shape);

export const currentMembershipView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.string(),
  standing: z.string(),
  joinedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  validFrom: z.string(),
});

export const personView = z.object({
  id: z.string(),
  tenantId: z.string(),
  code: z.string(),
  name: z.string(),
  nameInitials: z.string().nullable(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  personCategory: z.string(),
  unit: z.string().nullable(),
  title: z.string().nullable(),
  leadingCadre: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  version: z.number(),
});

export const personListItem = personView.extend({ membership: currentMembershipView.nullable() });

export const listPeopleResponse = z.object({ items: z.array(personListItem), total: z.number() });

export const membershipHistoryItem = currentMembershipView.extend({ validTo: z.string().nullable() });

export const seatView = z.object({
  id: z.string(),
  role: z.string(),
  termId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  dualLeader: z.boolean(),
});

export const personDetail = z.object({
  person: personView,
  memberships: z.array(membershipHistoryItem),
  positions: z.array(seatView),
});
