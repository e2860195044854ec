/**
 * The one PostgreSQL schema. Tenant-owned tables carry `tenant_id`, and it leads their keys and
 * indexes so the schema can later be distributed by tenant. Mutable rows carry `version` for
 * optimistic concurrency (a stale update is a 409).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').notNull().default(sql`gen_random_uuid()`);
const tenantId = () => uuid('tenant_id').notNull();
const version = () => integer('version').notNull().default(1);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** 省委教育工委 — a provincial body that oversees several universities (not a tenant). */
export const oversightBodies = pgTable(
  'oversight_bodies',
  {
    id: id().primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('oversight_bodies_code').on(t.code)],
);

/** A university: the tenant. Its root org row has the same id as the tenant. */
export const tenants = pgTable(
  'tenants',
  {
    id: id().primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    oversightBodyId: uuid('oversight_body_id').references(() => oversightBodies.id),
    standardSets: text('standard_sets').array().notNull().default(sql`'{}'::text[]`),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tenants_code').on(t.code)],
);

/** Semesters of the university calendar (学期). */
export const semesters = pgTable(
  'semesters',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** Headcounts per year, the denominators of ratio rules (ORG-15, DEV-13, FUND-01). */
export const headcounts = pgTable(
  'headcounts',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    staff: integer('staff').notNull(),
    students: integer('students').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);

/** Parameter overrides of rules, for the whole university (org null) or a subtree. */
export const parameterOverrides = pgTable(
  'parameter_overrides',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    rule: text('rule').notNull(),
    orgId: uuid('org_id'),
    values: jsonb('values').notNull(),
    /** Why the university deviates from its standard sets (shown in the explain view). */
    reason: text('reason'),
    updatedByName: text('updated_by_name'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * The organization tree of one university, current state. `path` is the materialized path of
 * ids from the root (`/root/college/branch/`), so "this subtree" is one indexed prefix match.
 * The history of every change lives in `org_history`.
 */
export const orgs = pgTable(
  'orgs',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    code: text('code').notNull(),
    kind: text('kind').notNull(), // university | college | branch | group
    subkind: text('subkind'), // colleges: collegeCommittee | generalBranch | officeCommittee
    branchCategory: text('branch_category'),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    jointUnits: text('joint_units').array().notNull().default(sql`'{}'::text[]`),
    /** Temporary branch: { approvedOn, approvedBy, endsOn, purpose } or null. */
    temporary: jsonb('temporary'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('orgs_code').on(t.tenantId, t.code),
    index('orgs_path').on(t.tenantId, t.path.op('text_pattern_ops')),
    index('orgs_parent').on(t.tenantId, t.parentId),
  ],
);

/** Every state an org has had, with its validity interval [valid_from, valid_to). */
export const orgHistory = pgTable(
  'org_history',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    change: text('change').notNull(), // create | rename | move | update | dissolve
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    subkind: text('subkind'),
    branchCategory: text('branch_category'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('org_history_org').on(t.tenantId, t.orgId, t.validFrom),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }).onDelete('cascade'),
  ],
);

/** A person known to the university: member, applicant, staff who hold positions. */
export const people = pgTable(
  'people',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name (张伟 → zw), so Chinese names can be searched by typing Latin letters. */
    nameInitials: text('name_initials'),
    gender: text('gender'), // male | female
    birthDate: date('birth_date'),
    personCategory: text('person_category').notNull(), // staff | student | retired
    unit: text('unit'),
    title: text('title'),
    leadingCadre: boolean('leading_cadre').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('people_code').on(t.tenantId, t.code),
    index('people_name').on(t.tenantId, t.name),
  ],
);

/**
 * A member's standing and place over time: one row per interval [valid_from, valid_to).
 * The open row (valid_to null) is the current membership.
 */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    status: text('status').notNull(), // full | probationary
    standing: text('standing').notNull(), // normal | suspended | lapsed | expelled | deceased
    joinedOn: date('joined_on'),
    confirmedOn: date('confirmed_on'),
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('memberships_person').on(t.tenantId, t.personId, t.validFrom),
    index('memberships_org').on(t.tenantId, t.orgId, t.validFrom),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** A committee term (届) of an org, or a lone secretary's term where there is no committee. */
export const terms = pgTable(
  'terms',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    electedOn: date('elected_on').notNull(),
    endsOn: date('ends_on').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('terms_org').on(t.tenantId, t.orgId, t.electedOn),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }).onDelete('cascade'),
  ],
);

/** A seat of a term held by a person over [valid_from, valid_to). */
export const positions = pgTable(
  'positions',
  {
    tenantId: tenantId(),
    id: id(),
    termId: uuid('term_id').notNull(),
    role: text('role').notNull(),
    personId: uuid('person_id').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    dualLeader: boolean('dual_leader').notNull().default(false),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('positions_term').on(t.tenantId, t.termId),
    index('positions_person').on(t.tenantId, t.personId),
    foreignKey({ columns: [t.tenantId, t.termId], foreignColumns: [terms.tenantId, terms.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** Stores file contents in the database, so app servers stay stateless. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** 党员活动场所: a room where organizational life is held. */
export const venues = pgTable(
  'venues',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('venues_org').on(t.tenantId, t.orgId),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * A meeting of organizational life (三会一课, theme day, life meeting, talks, …). Meetings
 * entered in the app go planned → notified → held → recorded; imported history arrives as
 * recorded. Expected attendees are derived from memberships and seats on `held_on`, never stored.
 */
export const meetings = pgTable(
  'meetings',
  {
    tenantId: tenantId(),
    id: id(),
    code: text('code').notNull(),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    /** The planned or actual day. */
    heldOn: date('held_on').notNull(),
    /** Local times in Asia/Shanghai, 'HH:MM'. */
    startTime: text('start_time'),
    endTime: text('end_time'),
    title: text('title').notNull(),
    /** Lecturer of a Party lecture, host of any other meeting. */
    lecturerId: uuid('lecturer_id'),
    venueId: uuid('venue_id'),
    place: text('place'),
    /** Who is expected: branch | group | committee | leadership (derived per day). */
    audience: text('audience'),
    status: text('status').notNull().default('recorded'), // planned | notified | held | recorded
    /** Whether minutes exist (imported records say only that); the text when entered here. */
    minutes: boolean('minutes').notNull().default(false),
    minutesText: text('minutes_text'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('meetings_code').on(t.tenantId, t.code),
    index('meetings_org').on(t.tenantId, t.orgId, t.heldOn),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

export const attendance = pgTable(
  'attendance',
  {
    tenantId: tenantId(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status').notNull(), // present | absent | leave | late
    reason: text('reason'),
    /** Someone who is not an expected attendee but was recorded (a guest, a cadre from above). */
    guest: boolean('guest').notNull().default(false),
    /** Set when the member checked in by the meeting's QR code. */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    /** 补课: when the absentee made up the content, and what was done. */
    makeupOn: date('makeup_on'),
    makeupContent: text('makeup_content'),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.personId] }),
    index('attendance_person').on(t.tenantId, t.personId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/**
 * Per person, the days MEM-03 and LIFE-13 look back to (last organizational life, last excused
 * meeting, last attendance), over all their attendance ever recorded. Kept up to date by
 * triggers on attendance, meetings and orgs (migration 0011), so the member facts read one row
 * per person instead of aggregating every attendance row; the facts recompute only people whose
 * days lie after the evaluation's asOf. The definition is `lastDays` in `src/db/facts/member.ts`.
 */
export const attendanceLastDays = pgTable(
  'attendance_last_days',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    lastLife: date('last_life'),
    lastExcused: date('last_excused'),
    lastAttended: date('last_attended'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

/**
 * The meetings with a sign-in list: at least one attendance row that is not a guest's. Kept by
 * triggers on attendance (migration 0012), so the life facts' record gaps (LIFE-12) read one row
 * per meeting instead of grouping every attendance row of the university by meeting.
 */
export const meetingSignIns = pgTable(
  'meeting_sign_ins',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Photos, slides, scanned sign-in sheets of a meeting (type- and size-checked on upload). */
export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    tenantId: tenantId(),
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    kind: text('kind').notNull(), // photo | slides | signInSheet | other
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('meeting_attachments_meeting').on(t.tenantId, t.meetingId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
  ],
);

/**
 * 年度三会一课计划 (LIFE-10): a branch's plan of its organizational life for one year, filed with
 * its superior, who approves it or returns it with a comment. One plan per branch and year.
 */
export const lifePlans = pgTable(
  'life_plans',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'), // draft | submitted | approved | returned
    submittedOn: date('submitted_on'),
    /** Account of the superior's reviewer (approve or return). */
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('life_plans_org_year').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** One planned meeting of a plan: a type in a month (or on a day), with its topic; linked once scheduled. */
export const lifePlanItems = pgTable(
  'life_plan_items',
  {
    tenantId: tenantId(),
    id: id(),
    planId: uuid('plan_id').notNull(),
    type: text('type').notNull(),
    /** 1–12; always set, derived from `planned_on` when a day is planned. */
    month: integer('month').notNull(),
    plannedOn: date('planned_on'),
    topic: text('topic').notNull(),
    lecturerId: uuid('lecturer_id'),
    /** The planned meeting this item became (POST /plans/:id/items/:itemId/schedule). */
    meetingId: uuid('meeting_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('life_plan_items_plan').on(t.tenantId, t.planId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [lifePlans.tenantId, lifePlans.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** 思想汇报 (LIFE-14): a member's report on thought and work, read and commented by the branch. */
export const thoughtReports = pgTable(
  'thought_reports',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    /** The member's branch when they submitted it: its secretary reads it. */
    orgId: uuid('org_id').notNull(),
    submittedOn: date('submitted_on').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** Account that read it. */
    readBy: uuid('read_by'),
    readAt: timestamp('read_at', { withTimezone: true }),
    comment: text('comment'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('thought_reports_person').on(t.tenantId, t.personId, t.submittedOn),
    index('thought_reports_org').on(t.tenantId, t.orgId, t.submittedOn),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** A login. Platform admins have no tenant; everyone else belongs to one university. */
export const accounts = pgTable(
  'accounts',
  {
    id: id().primaryKey(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    personId: uuid('person_id'),
    locale: text('locale').notNull().default('zh-CN'),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_username').on(sql`lower(${t.username})`)],
);

/**
 * A role granted on an org subtree. `org_id` is the subtree root (the university root for an
 * organization-department admin); oversight viewers are scoped by `oversight_body_id`;
 * platform admins have neither.
 */
export const grants = pgTable(
  'grants',
  {
    id: id().primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id'),
    oversightBodyId: uuid('oversight_body_id').references(() => oversightBodies.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('grants_account').on(t.accountId)],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

/** Failed logins per key (username or address) in the current window, for throttling. */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Installation-wide values every app server must agree on (e.g. the secret that signs QR
 * check-in tokens when ZHIBU_SECRET is not set). Written once, read by all.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/** Who changed what: written in the same transaction as the change itself. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tenantId: uuid('tenant_id'),
    /** The path of the org the record belongs to, so admins see the trail of their subtree. */
    orgPath: text('org_path'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_tenant_at').on(t.tenantId, t.at), index('audit_entity').on(t.tenantId, t.entity, t.entityId)],
);

// ── Democratic appraisal (民主评议党员, LIFE-08) and organizational-life meeting preparation ──

/**
 * One yearly democratic appraisal of a branch. It goes through the four steps of LIFE-08 in order
 * (selfAssessment → peerReview → vote → verdict) and is then closed; each `*_on` is the day the
 * round entered that step.
 */
export const appraisals = pgTable(
  'appraisals',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    step: text('step').notNull().default('selfAssessment'), // selfAssessment | peerReview | vote | verdict | closed
    startedOn: date('started_on').notNull(),
    peerReviewOn: date('peer_review_on'),
    voteOn: date('vote_on'),
    verdictOn: date('verdict_on'),
    closedOn: date('closed_on'),
    /** How many members cast ballots in the democratic vote (民主测评). */
    voters: integer('voters'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('appraisals_org_year').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** A participant of an appraisal: fixed when the round starts (members in normal standing that day). */
export const appraisalEntries = pgTable(
  'appraisal_entries',
  {
    tenantId: tenantId(),
    appraisalId: uuid('appraisal_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** Leading cadres take part in self-assessment and peer review but are not voted on. */
    leadingCadre: boolean('leading_cadre').notNull().default(false),
    selfAssessment: text('self_assessment'),
    selfAssessedOn: date('self_assessed_on'),
    peerReviewDone: boolean('peer_review_done').notNull().default(false),
    votesExcellent: integer('votes_excellent'),
    votesQualified: integer('votes_qualified'),
    votesBasicallyQualified: integer('votes_basically_qualified'),
    votesUnqualified: integer('votes_unqualified'),
    verdict: text('verdict'), // excellent | qualified | basicallyQualified | unqualified
    verdictReason: text('verdict_reason'),
    /** For an unqualified verdict: rectifyWithinDeadline 限期改正 | persuadeToLeave 劝其退党 | removal 除名. */
    followUp: text('follow_up'),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.appraisalId, t.personId] }),
    index('appraisal_entries_person').on(t.tenantId, t.personId),
    foreignKey({ columns: [t.tenantId, t.appraisalId], foreignColumns: [appraisals.tenantId, appraisals.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** 谈心谈话 before an organizational-life meeting: who talked with whom, when, about what. */
export const lifeMeetingTalks = pgTable(
  'life_meeting_talks',
  {
    tenantId: tenantId(),
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    personId: uuid('person_id').notNull(),
    withPersonId: uuid('with_person_id').notNull(),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('life_meeting_talks_meeting').on(t.tenantId, t.meetingId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.withPersonId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** Opinions heard before an organizational-life meeting (听取意见). */
export const lifeMeetingOpinions = pgTable(
  'life_meeting_opinions',
  {
    tenantId: tenantId(),
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    source: text('source').notNull(), // masses 群众 | members 党员 | superior 上级
    content: text('content').notNull(),
    collectedOn: date('collected_on').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('life_meeting_opinions_meeting').on(t.tenantId, t.meetingId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A rectification point an organizational-life meeting produced (会后逐一整改落实). */
export const lifeMeetingRectifications = pgTable(
  'life_meeting_rectifications',
  {
    tenantId: tenantId(),
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    content: text('content').notNull(),
    ownerId: uuid('owner_id').notNull(),
    deadline: date('deadline').notNull(),
    doneOn: date('done_on'),
    evidence: text('evidence'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('life_meeting_rectifications_meeting').on(t.tenantId, t.meetingId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

// ── Compliance engine (findings, their history, evaluation runs, scheduled jobs) ──

/**
 * A finding of the compliance engine. `key` (rule, org, member, period) is its stable identity:
 * re-evaluating unchanged data finds the same key, so to-dos and rectifications can point to it.
 * A finding no longer produced is resolved, not deleted; produced again, it is reopened.
 */
export const findings = pgTable(
  'findings',
  {
    tenantId: tenantId(),
    id: id(),
    key: text('key').notNull(),
    rule: text('rule').notNull(),
    family: text('family').notNull(),
    severity: text('severity').notNull(), // breach | warning | info
    orgId: uuid('org_id').notNull(),
    /** The org's path when last evaluated, so "this subtree" is one prefix match. */
    orgPath: text('org_path').notNull(),
    personId: uuid('person_id'),
    period: text('period'),
    messageZh: text('message_zh').notNull(),
    messageEn: text('message_en').notNull(),
    source: text('source').notNull(),
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    numbers: jsonb('numbers'),
    status: text('status').notNull().default('open'), // open | resolved
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('findings_key').on(t.tenantId, t.key),
    index('findings_path').on(t.tenantId, t.orgPath.op('text_pattern_ops')),
    index('findings_rule').on(t.tenantId, t.rule, t.period),
  ],
);

/** What happened to a finding and when: opened, resolved, reopened, severity changed. */
export const findingEvents = pgTable(
  'finding_events',
  {
    tenantId: tenantId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    findingId: uuid('finding_id').notNull(),
    event: text('event').notNull(), // opened | resolved | reopened | severityChanged
    severity: text('severity').notNull(),
    runId: uuid('run_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('finding_events_finding').on(t.tenantId, t.findingId),
    foreignKey({ columns: [t.tenantId, t.findingId], foreignColumns: [findings.tenantId, findings.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** One evaluation: its scope, range, trigger, counts and duration. */
export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    tenantId: tenantId(),
    id: id(),
    trigger: text('trigger').notNull(), // manual | nightly | change | cli | import
    orgId: uuid('org_id').notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    asOf: date('as_of').notNull(),
    rules: integer('rules').notNull(),
    produced: integer('produced').notNull(),
    opened: integer('opened').notNull(),
    resolved: integer('resolved').notNull(),
    durationMs: integer('duration_ms').notNull(),
    actorName: text('actor_name').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('evaluation_runs_at').on(t.tenantId, t.startedAt)],
);

/** Scheduled work claimed once per key (e.g. the nightly evaluation of a day), so several servers never run it twice. */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

// ── Education and training (教育培训) ──

/**
 * A training session: a Party-school class, a secretaries' rotation training, an online study
 * batch, … organized by an org, with the hours each attendee is credited.
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    tenantId: tenantId(),
    id: id(),
    code: text('code').notNull(),
    /** The organizer: the university root for the Party school, a college, a branch. */
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(), // partySchool | rotation | online | other
    /** Who the class is for; `partyAffairsStaff` classes are what EDU-04 counts. */
    audience: text('audience').notNull().default('members'), // members | secretaries | partyAffairsStaff | activists
    title: text('title').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    place: text('place'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('training_sessions_code').on(t.tenantId, t.code),
    index('training_sessions_org').on(t.tenantId, t.orgId, t.startsOn),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** Hours of study credited to a person: attendance at a session, or imported online study. */
export const trainingCredits = pgTable(
  'training_credits',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    sessionId: uuid('session_id'),
    kind: text('kind').notNull(), // partySchool | rotation | online | other
    title: text('title').notNull(),
    /** The day the hours count for (the session's last day, or the day of the online study). */
    creditedOn: date('credited_on').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    source: text('source').notNull(), // session | import | manual
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('training_credits_person').on(t.tenantId, t.personId, t.creditedOn),
    uniqueIndex('training_credits_session_person')
      .on(t.tenantId, t.sessionId, t.personId)
      .where(sql`session_id is not null`),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [trainingSessions.tenantId, trainingSessions.id],
    }).onDelete('cascade'),
  ],
);

// ── Party-work funds (党建工作经费), money in fen ──

/** A college-level organization's Party-work budget for a year (FUND-01). */
export const fundBudgets = pgTable(
  'fund_budgets',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('fund_budgets_org_year').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** Money handed to a college-level organization against its budget (FUND-02). */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    allocatedOn: date('allocated_on').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('fund_allocations_org').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** An expense paid from Party-work funds, recorded by the college-level organization (FUND-02). */
export const fundExpenses = pgTable(
  'fund_expenses',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    spentOn: date('spent_on').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    category: text('category').notNull(), // activities | training | venues | materials | care | other
    description: text('description').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('fund_expenses_org').on(t.tenantId, t.orgId, t.spentOn),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

// ── Membership dues (党费), money in fen, months as `YYYY-MM` ──

/** A member's income base and dues category from an effective month on (the yearly re-verification adds one). */
export const duesBases = pgTable(
  'dues_bases',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    effectiveMonth: text('effective_month').notNull(),
    category: text('category').notNull(), // staff | retired | student | relief
    /** After-tax monthly salary or pension in fen (0 for students and relief). */
    base: integer('base').notNull(),
    verifiedOn: date('verified_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dues_bases_person_month').on(t.tenantId, t.personId, t.effectiveMonth),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

/** Dues paid for one month by one member. */
export const duesPayments = pgTable(
  'dues_payments',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    month: text('month').notNull(),
    amount: integer('amount').notNull(),
    paidOn: date('paid_on').notNull(),
    method: text('method').notNull(), // cash | transfer | online | payroll
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dues_payments_person_month').on(t.tenantId, t.personId, t.month),
    index('dues_payments_month').on(t.tenantId, t.month),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

/** A recorded reason for not paying over some months (illness, study abroad): DUES-03 does not count them. */
export const duesReasons = pgTable(
  'dues_reasons',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month'),
    reason: text('reason').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dues_reasons_person').on(t.tenantId, t.personId, t.fromMonth),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

/** Dues returned by the university to a grassroots organization for a year (DUES-04). */
export const duesReturns = pgTable(
  'dues_returns',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    amount: integer('amount').notNull(),
    returnedOn: date('returned_on').notNull(),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dues_returns_org').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * A person's verdict on a rule that needs judgement (a manual rule): met or not met, for an org and
 * period, with the evidence they relied on. The engine turns a "not met" into a finding and never
 * guesses one itself.
 */
export const ruleVerdicts = pgTable(
  'rule_verdicts',
  {
    tenantId: tenantId(),
    id: id(),
    rule: text('rule').notNull(),
    orgId: uuid('org_id').notNull(),
    /** Period key (`2021`, `2021-Q3`, …) or null for a present-state rule. */
    period: text('period'),
    verdict: text('verdict').notNull(), // met | notMet
    note: text('note').notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('rule_verdicts_key').on(t.tenantId, t.rule, t.orgId, t.period).nullsNotDistinct(),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

// ── Member development (发展党员) ──

/**
 * One development case per person: application → activist → candidate → probationary → full.
 * `stage` is derived from the events by `stageOf` (`src/domain/development/stage.ts`) and rewritten
 * in the same transaction as every event change; the events are the record.
 */
export const devCases = pgTable(
  'dev_cases',
  {
    tenantId: tenantId(),
    id: id(),
    personId: uuid('person_id').notNull(),
    /** The branch that develops the person (its secretary records the steps). */
    orgId: uuid('org_id').notNull(),
    stage: text('stage').notNull(), // see devStages
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dev_cases_person').on(t.tenantId, t.personId),
    index('dev_cases_org').on(t.tenantId, t.orgId, t.stage),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * A step of a development case (`devSteps`), on a date, with the fields that step requires in
 * `data` (people as ids: `by`, `mentors`, `sponsors`; `hours`; `result`; `until`; `vote`
 * {expected, present, yes, no, abstain}; `months` of an extension) and the documents filed with it.
 */
export const devEvents = pgTable(
  'dev_events',
  {
    tenantId: tenantId(),
    id: id(),
    caseId: uuid('case_id').notNull(),
    step: text('step').notNull(),
    on: date('on').notNull(),
    data: jsonb('data').notNull().default({}),
    /** [{ name, note? }]: the paper or file that proves the step (申请书, 谈话记录, 政审材料…). */
    documents: jsonb('documents').notNull().default([]),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dev_events_case').on(t.tenantId, t.caseId, t.on),
    index('dev_events_step').on(t.tenantId, t.step, t.on),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [devCases.tenantId, devCases.id] }).onDelete(
      'cascade',
    ),
  ],
);

// ── Evaluation and improvement (整改) ──

/**
 * A rectification item (整改事项) of an org, from any source: a finding, an acceptance return, a
 * rating, a secretary review, a survey, an organizational-life meeting or by hand. It is closed only
 * after the superior verified the evidence (ASSESS-03); past its deadline and open, it is overdue.
 */
export const rectifications = pgTable(
  'rectifications',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    /** finding | acceptance | rating | review | survey | lifeMeeting | manual */
    source: text('source').notNull(),
    /** Id of the source record (finding id, rating id, …), null for manual items. */
    sourceId: uuid('source_id'),
    year: integer('year').notNull(),
    problem: text('problem').notNull(),
    ownerId: uuid('owner_id'),
    ownerName: text('owner_name').notNull(),
    measures: text('measures').notNull(),
    deadline: date('deadline').notNull(),
    /** open → done (evidence filed) → verified (superior accepted) | reopened back to open. */
    status: text('status').notNull().default('open'),
    evidence: text('evidence'),
    doneOn: date('done_on'),
    verifiedOn: date('verified_on'),
    verifiedByName: text('verified_by_name'),
    verificationNote: text('verification_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('rectifications_org').on(t.tenantId, t.orgId, t.year),
    index('rectifications_source').on(t.tenantId, t.source, t.sourceId),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

// ── Model units, awards and practice carriers (样板党支部、评选表彰、制度载体) ──

/**
 * A model unit (样板党支部 / 标杆院系 / 双带头人工作室) from application through cultivation to
 * acceptance: applied → cultivating (the mid-term review is recorded while cultivating) →
 * accepted (by the organization department, who sets the level) | rejected; an accepted unit may
 * be revoked. ASSESS-07 counts accepted school-level model branches of a plan year.
 */
export const modelUnits = pgTable(
  'model_units',
  {
    tenantId: tenantId(),
    id: id(),
    /** modelBranch | benchmarkCollege | dualLeaderStudio */
    kind: text('kind').notNull(),
    orgId: uuid('org_id').notNull(),
    /** The studio's dual-leader secretary (dualLeaderStudio only). */
    leaderId: uuid('leader_id'),
    /** school | province | national */
    level: text('level').notNull().default('school'),
    planYear: integer('plan_year').notNull(),
    appliedOn: date('applied_on').notNull(),
    /** applied | cultivating | accepted | rejected | revoked */
    status: text('status').notNull().default('applied'),
    cultivationFrom: date('cultivation_from'),
    midtermOn: date('midterm_on'),
    /** passed | failed */
    midtermResult: text('midterm_result'),
    midtermNote: text('midterm_note'),
    acceptedOn: date('accepted_on'),
    decidedOn: date('decided_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('model_units_year').on(t.tenantId, t.planYear, t.kind),
    index('model_units_org').on(t.tenantId, t.orgId),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
    foreignKey({ columns: [t.tenantId, t.leaderId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/**
 * A nomination in a commendation round (评选表彰, ASSESS-08): a member (outstandingMember,
 * outstandingWorker) or an org (advancedOrg), nominated → reviewed → publicized (公示) → decided
 * | rejected. A round is the year; a decided nomination is the record shown on the person or org.
 */
export const awards = pgTable(
  'awards',
  {
    tenantId: tenantId(),
    id: id(),
    roundYear: integer('round_year').notNull(),
    /** outstandingMember | outstandingWorker | advancedOrg */
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    /** The commended org (advancedOrg); null for a person. */
    orgId: uuid('org_id'),
    nominatingOrgId: uuid('nominating_org_id').notNull(),
    nominatedOn: date('nominated_on').notNull(),
    reason: text('reason').notNull(),
    /** nominated | reviewed | publicized | decided | rejected */
    status: text('status').notNull().default('nominated'),
    reviewedOn: date('reviewed_on'),
    reviewNote: text('review_note'),
    publicityFrom: date('publicity_from'),
    publicityUntil: date('publicity_until'),
    decidedOn: date('decided_on'),
    decisionDocument: text('decision_document'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('awards_round').on(t.tenantId, t.roundYear, t.kind),
    index('awards_person').on(t.tenantId, t.personId),
    index('awards_org').on(t.tenantId, t.orgId),
    foreignKey({ columns: [t.tenantId, t.nominatingOrgId], foreignColumns: [orgs.tenantId, orgs.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
  ],
);

/** A practical rule or service carrier (务实管用的制度、服务载体) an org set up in a year (ASSESS-09). */
export const practiceCarriers = pgTable(
  'practice_carriers',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** rule | carrier */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    establishedOn: date('established_on').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('practice_carriers_org').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

// ── Development plans (发展计划), activist pool analyses and secretaries' contacts ──

/**
 * 年度发展党员计划 (DEV-12): a college-level organization's numbers for one year, split by branch
 * and category in `dev_plan_lines`. One plan per org and year.
 */
export const devPlans = pgTable(
  'dev_plans',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dev_plans_org_year').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** One number of a plan: how many of a category (`student` | `staff`) a branch may admit in the year. */
export const devPlanLines = pgTable(
  'dev_plan_lines',
  {
    tenantId: tenantId(),
    id: id(),
    planId: uuid('plan_id').notNull(),
    orgId: uuid('org_id').notNull(),
    category: text('category').notNull(), // student | staff
    quota: integer('quota').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('dev_plan_lines_key').on(t.tenantId, t.planId, t.orgId, t.category),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [devPlans.tenantId, devPlans.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * 入党积极分子队伍状况分析 (DEV-11): the college-level organization's yearly analysis of its activist
 * pool, with the pipeline counts as they were on the day (`counts`: stage → number, by category).
 */
export const devPoolAnalyses = pgTable(
  'dev_pool_analyses',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    heldOn: date('held_on').notNull(),
    summary: text('summary').notNull(),
    counts: jsonb('counts').notNull().default({}),
    recordedByName: text('recorded_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dev_pool_analyses_org').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * 书记联系青年教师入党积极分子 (DEV-14): a college or teacher-branch secretary linked to a
 * development case over [from_on, to_on] (to_on null while the contact lasts).
 */
export const devContacts = pgTable(
  'dev_contacts',
  {
    tenantId: tenantId(),
    id: id(),
    secretaryId: uuid('secretary_id').notNull(),
    caseId: uuid('case_id').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    note: text('note'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dev_contacts_case').on(t.tenantId, t.caseId),
    index('dev_contacts_secretary').on(t.tenantId, t.secretaryId),
    foreignKey({ columns: [t.tenantId, t.secretaryId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [devCases.tenantId, devCases.id] }).onDelete(
      'cascade',
    ),
  ],
);

// ── Acceptance (达标验收, ASSESS-06) ──

/**
 * An acceptance campaign the organization department opens for a year: its indicators are the
 * rules of the standard sets plus `manualIndicators` ([{ code, title }]) judged from statements
 * and attachments. Opening creates one review per branch.
 */
export const acceptanceCampaigns = pgTable(
  'acceptance_campaigns',
  {
    tenantId: tenantId(),
    id: id(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Standard set codes whose rules are the indicators. */
    standardSets: jsonb('standard_sets').notNull().default([]),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    status: text('status').notNull().default('open'), // open | closed
    manualIndicators: jsonb('manual_indicators').notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('acceptance_campaigns_title').on(t.tenantId, t.year, t.title),
  ],
);

/**
 * A branch's acceptance in a campaign. `stage` follows the steps (`acceptance_steps`, the record):
 * pending → selfChecked → firstChecked → certified, or returned (back to a new self-check).
 * `entries` ([{ indicator, findings, note }]) is the self-check against each indicator, with the
 * engine's open findings at submission as evidence; `attachments` ([{ name, note }]).
 */
export const acceptanceReviews = pgTable(
  'acceptance_reviews',
  {
    tenantId: tenantId(),
    id: id(),
    campaignId: uuid('campaign_id').notNull(),
    orgId: uuid('org_id').notNull(),
    stage: text('stage').notNull().default('pending'),
    statement: text('statement'),
    entries: jsonb('entries').notNull().default([]),
    attachments: jsonb('attachments').notNull().default([]),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('acceptance_reviews_org').on(t.tenantId, t.campaignId, t.orgId),
    foreignKey({
      columns: [t.tenantId, t.campaignId],
      foreignColumns: [acceptanceCampaigns.tenantId, acceptanceCampaigns.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** One step of a review, in order (`seq`): who did it in which role, on which day, with what outcome. */
export const acceptanceSteps = pgTable(
  'acceptance_steps',
  {
    tenantId: tenantId(),
    id: id(),
    reviewId: uuid('review_id').notNull(),
    seq: integer('seq').notNull(),
    step: text('step').notNull(), // selfCheck | firstCheck | recheck | return
    on: date('on').notNull(),
    actorRole: text('actor_role').notNull(), // branchSecretary | collegeAdmin | orgDepartmentAdmin
    actorName: text('actor_name').notNull(),
    outcome: text('outcome').notNull(), // submitted | passed | certified | returned
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('acceptance_steps_seq').on(t.tenantId, t.reviewId, t.seq),
    foreignKey({
      columns: [t.tenantId, t.reviewId],
      foreignColumns: [acceptanceReviews.tenantId, acceptanceReviews.id],
    }).onDelete('cascade'),
  ],
);

// ── Ratings (分类定级, ASSESS-02) and secretaries' reviews (述职评议考核, ASSESS-01) ──

/**
 * The yearly rating of a branch or college: the rubric items (`ratingItems` of
 * `src/domain/evaluation/rating-rubric.ts`, each with its score and where it came from), the score
 * they add up to, a manual adjustment with its reason and author, and the grade of the adjusted
 * score. A draft is recomputed from the engine's results; a final rating is fixed.
 */
export const ratings = pgTable(
  'ratings',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    /** [{ key, max, score | null, source: computed | manual | review, applicable, detail }]. */
    items: jsonb('items').notNull().default(sql`'[]'::jsonb`),
    /** 0–100 from the scored items, null while an applicable item has no score. */
    computedScore: integer('computed_score'),
    adjustment: integer('adjustment').notNull().default(0),
    adjustmentReason: text('adjustment_reason'),
    adjustedById: uuid('adjusted_by_id'),
    adjustedByName: text('adjusted_by_name'),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
    status: text('status').notNull().default('draft'), // draft | final
    grade: text('grade'), // advanced | good | fair | lagging, set when final
    ratedOn: date('rated_on'),
    ratedByName: text('rated_by_name'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('ratings_org_year').on(t.tenantId, t.orgId, t.year),
    index('ratings_year').on(t.tenantId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * A year's round of secretaries' reviews (述职评议考核) held by an org for one level: the
 * university reviews college-level secretaries, a college (or the university) its branch secretaries.
 * Scores stay with the organizer until the round is published.
 */
export const secretaryReviewRounds = pgTable(
  'secretary_review_rounds',
  {
    tenantId: tenantId(),
    id: id(),
    /** The organizer: its subtree holds the reviewed orgs. */
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    level: text('level').notNull(), // college | branch
    title: text('title').notNull(),
    status: text('status').notNull().default('open'), // open | published
    publishedOn: date('published_on'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('secretary_review_rounds_org_year_level').on(t.tenantId, t.orgId, t.year, t.level),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** One secretary's review in a round: the written report, then the averaged score and grade. */
export const secretaryReviews = pgTable(
  'secretary_reviews',
  {
    tenantId: tenantId(),
    id: id(),
    roundId: uuid('round_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The org the secretary leads. */
    orgId: uuid('org_id').notNull(),
    report: text('report'),
    reportedOn: date('reported_on'),
    finalScore: integer('final_score'),
    grade: text('grade'), // excellent | good | fair | poor
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('secretary_reviews_round_org').on(t.tenantId, t.roundId, t.orgId),
    index('secretary_reviews_person').on(t.tenantId, t.personId),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [secretaryReviewRounds.tenantId, secretaryReviewRounds.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/** A reviewer's score (0–100) of a review; one per reviewer account. */
export const secretaryReviewScores = pgTable(
  'secretary_review_scores',
  {
    tenantId: tenantId(),
    id: id(),
    reviewId: uuid('review_id').notNull(),
    /** The reviewer's login (username), or a name for scores imported from paper. */
    reviewerAccount: text('reviewer_account').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('secretary_review_scores_reviewer').on(t.tenantId, t.reviewId, t.reviewerAccount),
    foreignKey({
      columns: [t.tenantId, t.reviewId],
      foreignColumns: [secretaryReviews.tenantId, secretaryReviews.id],
    }).onDelete('cascade'),
  ],
);

// ── Surveys (摸底排查 / 六查六看) and reorganizations (整顿) ──

/**
 * A branch's yearly survey by its superior (摸底排查, 六查六看, ASSESS-05): each of the six checks
 * with its result and note, the conclusion, and whether the branch was found weak (软弱涣散).
 */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    surveyedOn: date('surveyed_on').notNull(),
    /** `[{ check, result: 'good' | 'problem', note }]`, one entry per check of 六查六看. */
    checklist: jsonb('checklist').notNull(),
    conclusion: text('conclusion').notNull(),
    weak: boolean('weak').notNull().default(false),
    recordedByName: text('recorded_by_name').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('surveys_org_year').on(t.tenantId, t.orgId, t.year),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);

/**
 * A weak branch's time-limited reorganization (限期整顿, ASSESS-04): why, the plan, from when and
 * until when; closed with its outcome.
 */
export const reorganizations = pgTable(
  'reorganizations',
  {
    tenantId: tenantId(),
    id: id(),
    orgId: uuid('org_id').notNull(),
    /** noCommittee | noLife | lagging | surveyWeak | weakLeadership | other */
    reasons: jsonb('reasons').notNull(),
    startedOn: date('started_on').notNull(),
    endsOn: date('ends_on').notNull(),
    plan: text('plan').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    closedOn: date('closed_on'),
    outcome: text('outcome'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('reorganizations_org').on(t.tenantId, t.orgId, t.status),
    foreignKey({ columns: [t.tenantId, t.orgId], foreignColumns: [orgs.tenantId, orgs.id] }),
  ],
);
