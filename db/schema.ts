// One schema for PostgreSQL 15+ and PGlite. Instants are timestamptz (UTC); the Code's days are
// `date` columns read as 'YYYY-MM-DD' strings (IsoDate), so a deadline is a day, never an instant.
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  customType,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { channels, complaintStatuses } from '../app/domain/complaints/status'

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ')
const channelList = quoted(channels)
const statusList = quoted(complaintStatuses)

/** Binary data (bytea), as a Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
})

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    postcode: text('postcode'),
    preferredLanguage: text('preferred_language').notNull().default('en'),
    preferredContactMethod: text('preferred_contact_method').notNull().default('email'),
    /** A landlord's own stable pseudonymous id for the resident (the CSV import's resident_key). */
    externalKey: text('external_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('residents_email_idx').on(sql`lower(${t.email})`),
    index('residents_postcode_idx').on(t.postcode),
    uniqueIndex('residents_external_key').on(t.externalKey),
  ],
)

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    desiredOutcome: text('desired_outcome').notNull(),
    language: text('language').notNull().default('en'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    acknowledgementDue: date('acknowledgement_due', { mode: 'string' }).notNull(),
    // How the acknowledgement date was worked out (WD-6), kept as computed on the day.
    acknowledgementDueExplanation: jsonb('acknowledgement_due_explanation').notNull(),
    /** The whole case as the lifecycle sees it (app/domain/complaints/case.ts); the columns below are for queries. */
    caseState: jsonb('case_state'),
    currentStage: smallint('current_stage').notNull().default(1),
    handlerId: uuid('handler_id').references(() => staffUsers.id),
    nextDue: date('next_due', { mode: 'string' }),
    nextDueKind: text('next_due_kind'),
    earlyResolution: boolean('early_resolution').notNull().default(false),
    /** From the intake risk rating (health and safety, vulnerability, safeguarding, repeat, media/MP). */
    priority: text('priority').notNull().default('normal'),
    /** MP, councillor, advocate or family member acting for the resident (WHO-2…4), with consent. */
    representative: jsonb('representative'),
    /** The contractor the complaint is attributed to (contractor service standards), if any. */
    contractor: text('contractor'),
    /** Recorded handling time, for the cost of complaint handling. */
    handlingMinutes: integer('handling_minutes').notNull().default(0),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The queues' order ("due" sort, and overdue or due soon): a page is the first rows of this index.
    index('complaints_due_idx').on(t.nextDue.asc().nullsLast(), t.receivedAt.desc().nullsLast()),
    index('complaints_handler_idx').on(t.handlerId, t.nextDue),
    uniqueIndex('complaints_reference_key').on(t.reference),
    index('complaints_resident_idx').on(t.residentId),
    index('complaints_received_idx').on(t.receivedAt.desc(), t.id),
    index('complaints_status_idx').on(t.status),
    // The lists live in app/domain/complaints/status.ts; the database refuses anything else.
    check('complaints_channel_check', sql`${t.channel} in (${sql.raw(channelList)})`),
    check('complaints_status_check', sql`${t.status} in (${sql.raw(statusList)})`),
  ],
)

/** Reasonable adjustments a resident asked for (REC-3), structured so every later letter can apply them. */
export const reasonableAdjustments = pgTable(
  'reasonable_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    kind: text('kind').notNull(),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('adjustments_resident_idx').on(t.residentId), index('adjustments_complaint_idx').on(t.complaintId)],
)

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    /** TOTP shared secret (base32); null until the second factor is enrolled. */
    totpSecret: text('totp_secret'),
    mfaEnrolledAt: timestamp('mfa_enrolled_at', { withTimezone: true }),
    /** The TOTP time step last accepted: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    /** The `sub` of a single sign-on identity linked to this account. */
    oidcSubject: text('oidc_subject'),
    /** The team a handler belongs to, for the dashboard's team filter. */
    team: text('team'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('staff_users_oidc_key').on(t.oidcSubject),
  ],
)

/** Server-side staff sessions; the cookie holds a random token and only its SHA-256 is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [index('staff_sessions_user_idx').on(t.staffUserId)],
)

/** A resident's answers while they go through the journey; the cookie holds only the random id. */
export const complaintDrafts = pgTable('complaint_drafts', {
  id: uuid('id').primaryKey().defaultRandom(),
  answers: jsonb('answers').notNull().default({}),
  submissionKey: uuid('submission_key').notNull().defaultRandom(),
  complaintId: uuid('complaint_id').references(() => complaints.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** One row per submitted form key: a replayed or double-submitted form finds its first result here. */
export const formSubmissions = pgTable('form_submissions', {
  key: text('key').primaryKey(),
  purpose: text('purpose').notNull(),
  result: jsonb('result'),
  createdAt: createdAt(),
})

/** The landlord's own closure days (WD-1); bank holidays are built in. */
export const closureDays = pgTable('closure_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  description: text('description').notNull(),
  createdAt: createdAt(),
})

/** Append-only (REC-2): a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.id)],
)

/** Settings that the reference marks as configurable, stored per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
})

/** Complaint references are PR-<year received>-<this number, six digits or more>. */
export const complaintReferenceSeq = pgSequence('complaint_reference_seq', { startWith: 1 })

export type Resident = typeof residents.$inferSelect
export type Complaint = typeof complaints.$inferSelect
export type StaffUser = typeof staffUsers.$inferSelect

/** One row per stage of a complaint: the facts reports and the CSV contract need, kept in step with case_state. */
export const complaintStages = pgTable(
  'complaint_stages',
  {
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    handlerId: uuid('handler_id'),
    acknowledgementDue: date('acknowledgement_due', { mode: 'string' }).notNull(),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
    responseDueBase: date('response_due_base', { mode: 'string' }).notNull(),
    responseDue: date('response_due', { mode: 'string' }).notNull(),
    extensionWorkingDays: integer('extension_working_days').notNull().default(0),
    extensionsValid: boolean('extensions_valid').notNull().default(true),
    respondedOn: date('responded_on', { mode: 'string' }),
    respondedBy: text('responded_by'),
    outcome: text('outcome'),
    decisionChanged: boolean('decision_changed'),
    lateRequest: boolean('late_request').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.stage] }),
    index('complaint_stages_responded_idx').on(t.stage, t.respondedOn),
    index('complaint_stages_acknowledged_idx').on(t.stage, t.acknowledgedOn),
    index('complaint_stages_started_idx').on(t.stage, t.startedOn),
  ],
)

/** Every action promised to a resident in a response (R6, PTR-5): the commitments register. */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    serviceArea: text('service_area'),
    originalDueOn: date('original_due_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    completedOn: date('completed_on', { mode: 'string' }),
    /** PTR-5: what shows the action was done, and the head of service's sign-off before it counts. */
    evidence: text('evidence'),
    team: text('team'),
    contractor: text('contractor'),
    signedOffBy: uuid('signed_off_by').references(() => staffUsers.id),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    /** Cancelled commitments leave the KPI only when a manager approved the cancellation. */
    cancelReason: text('cancel_reason'),
    cancelApprovedBy: uuid('cancel_approved_by').references(() => staffUsers.id),
    /** Progress shown to the resident on their case page. */
    residentUpdate: text('resident_update'),
    /** Risk matrix: likelihood × impact, each 1–5. */
    likelihood: smallint('likelihood'),
    impact: smallint('impact'),
    updatedAt: updatedAt(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('commitments_position_key').on(t.complaintId, t.position),
    index('commitments_due_idx').on(t.status, t.dueOn),
  ],
)

/** Remedies offered in responses (PTR-1…4); financial ones carry an amount and, once paid, the date. */
export const remedies = pgTable(
  'remedies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage').notNull(),
    position: integer('position').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull(),
    amountPence: integer('amount_pence'),
    status: text('status').notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('remedies_position_key').on(t.complaintId, t.position), index('remedies_paid_idx').on(t.paidOn)],
)

/** Internal notes: never shown to residents. */
export const complaintNotes = pgTable(
  'complaint_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    authorId: uuid('author_id').references(() => staffUsers.id),
    /** 'staff': an internal note, never shown to the resident; 'resident': information the resident added. */
    source: text('source').notNull().default('staff'),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_notes_complaint_idx').on(t.complaintId, t.createdAt)],
)

/** Every letter exactly as generated (R8, REC-2), in the resident's language and format. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    kind: text('kind').notNull(),
    stage: smallint('stage').notNull(),
    language: text('language').notNull(),
    format: text('format').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('letters_complaint_idx').on(t.complaintId, t.createdAt)],
)

/** Formats PutRight cannot produce itself (audio, braille, BSL, interpreter, translation): a tracked task. */
export const formatTasks = pgTable(
  'format_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    format: text('format').notNull(),
    detail: text('detail'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    completedOn: date('completed_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('format_tasks_open_idx').on(t.status, t.dueOn)],
)

/** Updates sent to the resident while a stage is open (S1-9). */
export const residentUpdates = pgTable(
  'resident_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    summary: text('summary').notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index('resident_updates_complaint_idx').on(t.complaintId, t.sentOn)],
)

/** Service areas: the built-in list plus any a landlord's import brings. */
export const serviceAreaList = pgTable('service_areas', {
  key: text('key').primaryKey(),
  label: text('label'),
  createdAt: createdAt(),
})

/**
 * Every message to a resident or member of staff, written in the same transaction as the change
 * that caused it and delivered afterwards by the job runner, with retries. Nothing is sent from a
 * request directly, so a failed send can never lose a message.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    letterId: uuid('letter_id').references(() => letters.id),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    language: text('language').notNull().default('en'),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('queued', 'retrying', 'sending')`),
    index('outbox_complaint_idx').on(t.complaintId, t.createdAt),
  ],
)

/** Failed attempts per key (account, address, IP…), kept in the database so every instance sees them. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  updatedAt: updatedAt(),
})

export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.staffUserId)],
)

/** Between the password and the second factor: a short-lived challenge, its token hashed like sessions. */
export const staffSignInChallenges = pgTable('staff_sign_in_challenges', {
  id: text('id').primaryKey(),
  staffUserId: uuid('staff_user_id')
    .notNull()
    .references(() => staffUsers.id),
  purpose: text('purpose').notNull(),
  redirectTo: text('redirect_to'),
  /** Enrolment only: the secret shown as a QR code, kept until the first code proves it was saved. */
  pendingSecret: text('pending_secret'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/**
 * Every expression of dissatisfaction (DEF-3), including those resolved at first contact: who
 * offered the choice of complaining, when, and what the resident chose.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    channel: text('channel').notNull(),
    channelDetail: text('channel_detail'),
    summary: text('summary').notNull(),
    serviceArea: text('service_area').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    offeredBy: uuid('offered_by').references(() => staffUsers.id),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull(),
    serviceRequestReference: text('service_request_reference'),
    representative: jsonb('representative'),
    risks: jsonb('risks').notNull().default([]),
    priority: text('priority').notNull().default('normal'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contacts_resident_idx').on(t.residentId, t.receivedOn),
    index('contacts_received_idx').on(t.receivedOn),
  ],
)

/** UB-1…3: a proportionate, time-limited restriction on how a resident contacts us; never on complaining. */
export const conductRestrictions = pgTable('conduct_restrictions', {
  id: uuid('id').primaryKey().defaultRandom(),
  residentId: uuid('resident_id')
    .notNull()
    .references(() => residents.id),
  kind: text('kind').notNull().default('other'),
  behaviour: text('behaviour').notNull(),
  restriction: text('restriction').notNull(),
  equalityConsideration: text('equality_consideration').notNull(),
  decidedBy: uuid('decided_by').references(() => staffUsers.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  reviewOn: date('review_on', { mode: 'string' }).notNull(),
  endedOn: date('ended_on', { mode: 'string' }),
  endedBy: uuid('ended_by').references(() => staffUsers.id),
  endReason: text('end_reason'),
  renewals: integer('renewals').notNull().default(0),
  createdAt: createdAt(),
})

/** An uploaded case file waiting for an administrator to confirm the import after the preview. */
export const pendingImports = pgTable('pending_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').references(() => staffUsers.id),
  fileName: text('file_name').notNull(),
  csv: text('csv').notNull(),
  rows: integer('rows').notNull(),
  problems: jsonb('problems').notNull().default([]),
  importedAt: timestamp('imported_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/**
 * A resident's request to see their case: a 6-digit code (and, by email, a link) for 15 minutes
 * and 5 attempts. The browser holds a random token; only hashes are stored.
 */
export const residentAccessCodes = pgTable(
  'resident_access_codes',
  {
    id: text('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    channel: text('channel').notNull(),
    codeHash: text('code_hash').notNull(),
    linkHash: text('link_hash'),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('resident_access_codes_link_key').on(t.linkHash)],
)

/** A resident signed in to one complaint (never to anything else). */
export const residentSessions = pgTable(
  'resident_sessions',
  {
    id: text('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('resident_sessions_complaint_idx').on(t.complaintId)],
)

/** Photos and documents, kept in the database: served only to the resident and authorised staff. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    draftId: uuid('draft_id'),
    uploadedBy: text('uploaded_by').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_complaint_idx').on(t.complaintId), index('attachments_draft_idx').on(t.draftId)],
)

/** Optional equality monitoring, kept apart from complaints and never shown to case handlers. */
export const equalityResponses = pgTable('equality_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  residentId: uuid('resident_id').references(() => residents.id),
  answers: jsonb('answers').notNull(),
  createdAt: createdAt(),
})

/** The post-complaint survey, one answer per question, for the satisfaction KPIs. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_responses_question_key').on(t.complaintId, t.question)],
)

/** Compliments, from residents or recorded by staff, for the team or person concerned. */
export const compliments = pgTable('compliments', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  serviceArea: text('service_area'),
  aboutWhom: text('about_whom'),
  message: text('message').notNull(),
  fromName: text('from_name'),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by').references(() => staffUsers.id),
  createdAt: createdAt(),
})

/** GOV-2: what a closed complaint taught us. Required before closing one with anything upheld. */
export const learningEntries = pgTable('learning_entries', {
  complaintId: uuid('complaint_id')
    .primaryKey()
    .references(() => complaints.id),
  rootCause: text('root_cause'),
  /** 5 whys or fishbone note. */
  analysis: text('analysis'),
  learning: text('learning'),
  /** "No learning", with the reason a manager approved. */
  noLearningReason: text('no_learning_reason'),
  approvedBy: uuid('approved_by').references(() => staffUsers.id),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  recordedBy: uuid('recorded_by').references(() => staffUsers.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})

/** SMART service improvements from the learning log, tracked like commitments; "you said, we did". */
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    kind: text('kind').notNull().default('process'),
    serviceArea: text('service_area'),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    measure: text('measure').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    completedOn: date('completed_on', { mode: 'string' }),
    evidence: text('evidence'),
    likelihood: smallint('likelihood'),
    impact: smallint('impact'),
    youSaid: text('you_said'),
    weDid: text('we_did'),
    publishedBy: uuid('published_by').references(() => staffUsers.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('improvement_actions_due_idx').on(t.status, t.dueOn),
    index('improvement_actions_complaint_idx').on(t.complaintId),
  ],
)

/** Quality dip-sampling of issued responses: the checklist answers, score and feedback. */
export const qaReviews = pgTable(
  'qa_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage').notNull(),
    handlerId: uuid('handler_id').references(() => staffUsers.id),
    /** The month sampled, as YYYY-MM. */
    sampleMonth: text('sample_month').notNull(),
    reviewerId: uuid('reviewer_id').references(() => staffUsers.id),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    answers: jsonb('answers'),
    /** Points met ÷ applicable points × 100, kept in tenths (963 = 96.3). */
    scoreTenths: integer('score_tenths'),
    criticalFail: boolean('critical_fail'),
    feedback: text('feedback'),
    seenByHandlerAt: timestamp('seen_by_handler_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('qa_reviews_sample_key').on(t.complaintId, t.stage),
    index('qa_reviews_month_idx').on(t.sampleMonth),
    index('qa_reviews_reviewed_idx').on(t.reviewedOn),
  ],
)

/** Compensation proposed against the policy, authorised within role limits, offered and paid. */
export const compensationAwards = pgTable(
  'compensation_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: smallint('stage'),
    category: text('category').notNull(),
    band: text('band'),
    amountPence: integer('amount_pence').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('proposed'),
    proposedBy: uuid('proposed_by').references(() => staffUsers.id),
    approvedBy: uuid('approved_by').references(() => staffUsers.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    offeredOn: date('offered_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    /** bank, cheque or rent_credit (a credit to the rent account counts as paid). */
    paymentMethod: text('payment_method'),
    ombudsmanOrdered: boolean('ombudsman_ordered').notNull().default(false),
    contractor: text('contractor'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('compensation_awards_paid_idx').on(t.paidOn),
    index('compensation_awards_complaint_idx').on(t.complaintId),
  ],
)

/** Housing Ombudsman enquiries and investigations, MP and councillor enquiries, and mediation. */
export const externalCases = pgTable(
  'external_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    kind: text('kind').notNull(),
    theirReference: text('their_reference'),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** Ombudsman findings (maladministration, service failure…), mediation or enquiry outcome. */
    determinedOn: date('determined_on', { mode: 'string' }),
    findings: jsonb('findings'),
    outcome: text('outcome'),
    closedOn: date('closed_on', { mode: 'string' }),
    notes: text('notes'),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('external_cases_opened_idx').on(t.kind, t.openedOn)],
)

/** What an external body asked for, with the due date stated in its letter, or what it ordered. */
export const externalRequests = pgTable(
  'external_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => externalCases.id),
    /** evidence, information, instruction_to_respond, order, recommendation. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    answeredOn: date('answered_on', { mode: 'string' }),
    evidence: text('evidence'),
    createdAt: createdAt(),
  },
  (t) => [index('external_requests_case_idx').on(t.caseId), index('external_requests_answered_idx').on(t.answeredOn)],
)

/** Anonymised case summaries a manager approved for the tenant panel. */
export const publishedSummaries = pgTable('published_summaries', {
  id: uuid('id').primaryKey().defaultRandom(),
  complaintId: uuid('complaint_id')
    .notNull()
    .references(() => complaints.id),
  serviceArea: text('service_area').notNull(),
  summary: text('summary').notNull(),
  outcome: text('outcome').notNull(),
  learning: text('learning').notNull(),
  draftedBy: uuid('drafted_by').references(() => staffUsers.id),
  approvedBy: uuid('approved_by').references(() => staffUsers.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/** Other landlords' published complaint figures, imported from CSV, to set ours beside. */
export const peerBenchmarks = pgTable(
  'peer_benchmarks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    landlord: text('landlord').notNull(),
    year: text('year').notNull(),
    homes: integer('homes'),
    figures: jsonb('figures').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('peer_benchmarks_key').on(t.landlord, t.year)],
)

/** TP09: the perception survey, kept apart from the transactional post-complaint survey. */
export const perceptionResponses = pgTable('perception_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyedOn: date('surveyed_on', { mode: 'string' }).notNull(),
  complainedLast12Months: boolean('complained_last_12_months').notNull(),
  answer: text('answer').notNull(),
  tenure: text('tenure'),
  createdAt: createdAt(),
})

/**
 * Dashboard figures as last worked out, with the audit trail's position then (see
 * app/domain/kpi-snapshot.ts): a year of cases is worked out once, not on every page view.
 */
export const kpiSnapshots = pgTable('kpi_snapshots', {
  key: text('key').primaryKey(),
  dataVersion: bigint('data_version', { mode: 'number' }).notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  tookMs: integer('took_ms').notNull(),
  body: jsonb('body').notNull(),
})
