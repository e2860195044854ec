/** Shapes of the organizational-life API responses (see the zod schemas in src/modules/meetings, life-views …). */

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
  'conversation',
] as const;
export type MeetingType = (typeof meetingTypes)[number];
export const meetingStatuses = ['planned', 'notified', 'held', 'recorded'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const audiences = ['branch', 'group', 'committee', 'leadership'] as const;
export const attendanceStatuses = ['present', 'late', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attachmentKinds = ['photo', 'slides', 'signInSheet', 'other'] as const;

export type Meeting = {
  id: string;
  code: string;
  orgId: string;
  orgName: string;
  type: MeetingType;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  title: string;
  lecturerId: string | null;
  lecturerName: string | null;
  venueId: string | null;
  venueName: string | null;
  place: string | null;
  audience: string;
  status: MeetingStatus;
  minutes: boolean;
  minutesText: string | null;
  notifiedAt: string | null;
  version: number;
};

export type AttendanceCounts = {
  expected: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  unrecorded: number;
  guests: number;
  attendanceRate: number | null;
};

export type MeetingListItem = Meeting & { counts: AttendanceCounts };

export type AttendanceRecord = {
  status: AttendanceStatus;
  reason: string | null;
  guest: boolean;
  checkedInAt: string | null;
  makeupOn: string | null;
  makeupContent: string | null;
  version: number;
};

export type Attendee = {
  personId: string;
  name: string;
  code: string;
  leadingCadre: boolean;
  attendance: AttendanceRecord | null;
};

export type Attachment = {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
};

export type MeetingDetail = {
  meeting: Meeting;
  expected: Attendee[];
  guests: Attendee[];
  attachments: Attachment[];
  counts: AttendanceCounts;
};

export type Makeup = {
  meetingId: string;
  meetingTitle: string;
  meetingType: MeetingType;
  heldOn: string;
  orgId: string;
  orgName: string;
  personId: string;
  personName: string;
  personCode: string;
  status: AttendanceStatus;
  reason: string | null;
  makeupOn: string | null;
  makeupContent: string | null;
  version: number;
};

export type CheckinToken = { token: string; url: string; expiresAt: string; qrDataUrl: string };

export type CheckinResult = {
  meetingId: string;
  title: string;
  heldOn: string;
  status: AttendanceStatus;
  checkedInAt: string;
  alreadyCheckedIn: boolean;
};

export type Venue = {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  address: string | null;
  version: number;
};
