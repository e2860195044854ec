/**
 * The glossary's closed vocabularies (`glossary.md`), with their Chinese names: one definition
 * for the API, the dataset format, exports, the demo and (later) the rules.
 */
export const orgKinds = ['oversight', 'university', 'college', 'branch', 'group'] as const;
export const collegeSubkinds = ['collegeCommittee', 'generalBranch', 'officeCommittee'] as const;
export const branchCategories = ['teacher', 'student', 'office', 'service', 'retired', 'mixed'] as const;
export const genders = ['male', 'female'] as const;
export const personCategories = ['staff', 'student', 'retired'] as const;
export const membershipStatuses = ['full', 'probationary'] as const;
export const standings = ['normal', 'suspended', 'lapsed', 'expelled', 'deceased'] as const;
/** Seats of a term, in the order they are listed (secretary first). */
export const positionRoles = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'propagandaMember',
  'disciplineMember',
  'member',
  'groupLeader',
] as const;
export const meetingTypes = [
  'generalAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themeDay',
  'lifeMeeting',
  'leadershipLifeMeeting',
  'studyGroupSession',
  'partyAffairsMeeting',
  /** 谈心谈话: a talk between two or a few people, recorded like a meeting. */
  'conversation',
] as const;
export const attendanceStatuses = ['present', 'absent', 'leave', 'late'] as const;

export type OrgKind = (typeof orgKinds)[number];
export type CollegeSubkind = (typeof collegeSubkinds)[number];
export type BranchCategory = (typeof branchCategories)[number];
export type Gender = (typeof genders)[number];
export type PersonCategory = (typeof personCategories)[number];
export type MembershipStatus = (typeof membershipStatuses)[number];
export type Standing = (typeof standings)[number];
export type PositionRole = (typeof positionRoles)[number];
export type MeetingType = (typeof meetingTypes)[number];
export type AttendanceStatus = (typeof attendanceStatuses)[number];
