import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** 党委 → (党总支) → 党支部 → 党小组. `path` is the chain of ids from the root, e.g. `/a/b/c/`, for subtree checks. */
export const orgUnits = sqliteTable(
	'org_units',
	{
		id: text('id').primaryKey(),
		parentId: text('parent_id').references((): AnySQLiteColumn => orgUnits.id),
		kind: text('kind', { enum: ['committee', 'general_branch', 'branch', 'group'] }).notNull(),
		name: text('name').notNull(),
		path: text('path').notNull(),
		sort: integer('sort').notNull().default(0),
		isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('org_units_parent_idx').on(t.parentId), index('org_units_path_idx').on(t.path)]
);

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		phone: text('phone').notNull().unique(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		groupId: text('group_id').references(() => orgUnits.id),
		retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
		activist: integer('activist', { mode: 'boolean' }).notNull().default(false),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
		/** The branch this user is secretary of (one at most). */
		secretaryOf: text('secretary_of').references(() => orgUnits.id),
		/** The root of the subtree this user administers. */
		adminOf: text('admin_of').references(() => orgUnits.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('users_branch_idx').on(t.branchId)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at').notNull(),
		lastVerifiedAt: integer('last_verified_at').notNull(),
		/** Last time the password was typed in this session: management pages ask again after 12 h (sudo mode). */
		passwordAt: integer('password_at').notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed sign-ins per phone number, for the per-account throttle; rows older than the window are pruned. */
export const loginFailures = sqliteTable(
	'login_failures',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		phone: text('phone').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('login_failures_phone_at_idx').on(t.phone, t.at)]
);

/** A member's own settings; each field carries the device time of its last change (last writer wins per field). */
export const userSettings = sqliteTable('user_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	elderMode: integer('elder_mode', { mode: 'boolean' }).notNull().default(false),
	elderModeAt: integer('elder_mode_at').notNull().default(0),
	locale: text('locale').notNull().default('zh-CN'),
	localeAt: integer('locale_at').notNull().default(0),
	/** Server time of the last accepted change, for `GET /api/sync?since=`. */
	updatedAt: integer('updated_at').notNull()
});

/** Every op a device has sent, by its idempotency id: a replay answers the first result. */
export const syncOps = sqliteTable(
	'sync_ops',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		opId: text('op_id').notNull(),
		kind: text('kind').notNull(),
		status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
		error: text('error'),
		deviceAt: integer('device_at').notNull(),
		receivedAt: integer('received_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.opId] })]
);

/**
 * A question bank. `purpose` decides where its answer keys may go: `practice` banks may be cached on
 * phones; `exam` banks never leave the server before an attempt is submitted.
 */
export const questionBanks = sqliteTable(
	'question_banks',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		track: text('track', { enum: ['political', 'business'] }).notNull(),
		purpose: text('purpose', { enum: ['practice', 'exam'] }).notNull(),
		/** The unit whose members use the bank: the whole organisation (a committee) or one branch. */
		ownerUnitId: text('owner_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		description: text('description').notNull().default(''),
		/** Share of the points for a 多选 answer with only right options but not all of them. */
		partialCredit: real('partial_credit').notNull().default(0.5),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		archivedAt: integer('archived_at')
	},
	(t) => [index('question_banks_owner_idx').on(t.ownerUnitId)]
);

/** The current version of each question; every version's content is also kept in `question_versions`. */
export const questions = sqliteTable(
	'questions',
	{
		id: text('id').primaryKey(),
		bankId: text('bank_id')
			.notNull()
			.references(() => questionBanks.id),
		version: integer('version').notNull(),
		type: text('type', { enum: ['single', 'multiple', 'judge', 'fill', 'essay'] }).notNull(),
		stem: text('stem').notNull(),
		/** QuestionContent as JSON (options, answer, blanks, flags, reference, explanation). */
		content: text('content').notNull(),
		/** JSON array of strings. */
		tags: text('tags').notNull().default('[]'),
		difficulty: integer('difficulty').notNull().default(3),
		points: real('points'),
		source: text('source').notNull().default(''),
		/** Last valid day, YYYY-MM-DD in Beijing time; null for ever. */
		validUntil: text('valid_until'),
		/** normaliseStem(stem), to flag the same question typed twice in a bank. */
		stemKey: text('stem_key').notNull(),
		sort: integer('sort').notNull().default(0),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		deletedAt: integer('deleted_at')
	},
	(t) => [index('questions_bank_idx').on(t.bankId, t.sort), index('questions_stem_key_idx').on(t.bankId, t.stemKey)]
);

/** Every version of every question, frozen: answers point at the version that was asked. */
export const questionVersions = sqliteTable(
	'question_versions',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		version: integer('version').notNull(),
		content: text('content').notNull(),
		points: real('points'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.version] })]
);

/** One practice answer (practice, 每日练习 or 错题本), keyed by the outbox op that carried it. */
export const practiceAnswers = sqliteTable(
	'practice_answers',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		version: integer('version').notNull(),
		mode: text('mode', { enum: ['practice', 'daily', 'mistakes'] }).notNull(),
		response: text('response').notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		score: real('score').notNull(),
		durationMs: integer('duration_ms'),
		answeredAt: integer('answered_at').notNull(),
		receivedAt: integer('received_at').notNull()
	},
	(t) => [index('practice_answers_user_idx').on(t.userId, t.answeredAt), index('practice_answers_question_idx').on(t.questionId)]
);

/** The FSRS card of one member × question. */
export const reviewCards = sqliteTable(
	'review_cards',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		due: integer('due').notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		state: integer('state').notNull(),
		lastReview: integer('last_review'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.questionId] }), index('review_cards_due_idx').on(t.userId, t.due), index('review_cards_question_idx').on(t.questionId)]
);

/** 错题本 entries (rule in `lib/shared/quiz/mistakes.ts`); a row goes when its question leaves the book. */
export const mistakes = sqliteTable(
	'mistakes',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		lastWrongAt: integer('last_wrong_at').notNull(),
		wrongCount: integer('wrong_count').notNull(),
		/** JSON array of YYYY-MM-DD. */
		rightDays: text('right_days').notNull().default('[]'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.questionId] })]
);

/** Organisation-wide settings an admin changes (for example the daily review cap), as JSON values. */
export const appSettings = sqliteTable('app_settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedBy: text('updated_by').references(() => users.id),
	updatedAt: integer('updated_at').notNull()
});

/**
 * An exam: its paper (rules or a fixed list, JSON), its window and settings, and who sits it.
 * Owned by a branch (its secretary manages it) or a higher unit (its admins).
 */
export const exams = sqliteTable(
	'exams',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		ownerUnitId: text('owner_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** Paper JSON (lib/shared/quiz/paper.ts). */
		paper: text('paper').notNull(),
		/** JSON: { units: string[], people: string[] } — units cover everyone beneath them. */
		audience: text('audience').notNull(),
		opensAt: integer('opens_at').notNull(),
		closesAt: integer('closes_at').notNull(),
		timeLimitMin: integer('time_limit_min').notNull(),
		attemptsAllowed: integer('attempts_allowed').notNull().default(1),
		/** Percent of the total needed to pass. */
		passPercent: integer('pass_percent').notNull().default(60),
		shuffleQuestions: integer('shuffle_questions', { mode: 'boolean' }).notNull().default(true),
		shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull().default(true),
		showResults: text('show_results', { enum: ['on_submit', 'after_close', 'never'] }).notNull().default('on_submit'),
		status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('exams_owner_idx').on(t.ownerUnitId)]
);

/** One sitting of an exam by one member: the paper drawn for them, frozen at the start, and the server's deadline. */
export const examAttempts = sqliteTable(
	'exam_attempts',
	{
		id: text('id').primaryKey(),
		examId: text('exam_id')
			.notNull()
			.references(() => exams.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		number: integer('number').notNull(),
		/** JSON PaperItem[] with the option order shown to this member. */
		items: text('items').notNull(),
		startedAt: integer('started_at').notNull(),
		deadline: integer('deadline').notNull(),
		submittedAt: integer('submitted_at'),
		/** open → submitted (objective graded, 简答 waiting) → graded. */
		status: text('status', { enum: ['open', 'marking', 'graded'] }).notNull().default('open'),
		score: real('score'),
		maxScore: real('max_score').notNull(),
		tabSwitches: integer('tab_switches').notNull().default(0),
		/** Answers given faster than the stem can be read: shown to the secretary, never blocked. */
		fastAnswers: integer('fast_answers').notNull().default(0)
	},
	(t) => [
		uniqueIndex('exam_attempts_number_idx').on(t.examId, t.userId, t.number),
		index('exam_attempts_user_idx').on(t.userId),
		index('exam_attempts_open_idx').on(t.status, t.deadline)
	]
);

/** The member's answer to one question of an attempt (the latest save wins), and its mark. */
export const examAnswers = sqliteTable(
	'exam_answers',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => examAttempts.id),
		questionId: text('question_id')
			.notNull()
			.references(() => questions.id),
		response: text('response').notNull(),
		/** Device time of the save; an older save never overwrites a newer one. */
		savedAt: integer('saved_at').notNull(),
		receivedAt: integer('received_at').notNull(),
		/** Time on the question before this answer, for the "too fast to have read it" flag. */
		durationMs: integer('duration_ms'),
		score: real('score'),
		correct: integer('correct', { mode: 'boolean' }),
		markedBy: text('marked_by').references(() => users.id),
		markedAt: integer('marked_at'),
		comment: text('comment')
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

/** A study module: an ordered list of lessons, owned by a unit (its admins, or a branch's secretary, write it). */
export const modules = sqliteTable(
	'modules',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		track: text('track', { enum: ['political', 'business'] }).notNull(),
		summary: text('summary').notNull().default(''),
		/** JSON array of strings. */
		tags: text('tags').notNull().default('[]'),
		ownerUnitId: text('owner_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
		/** Cover picture: `/files/<hash>` of an uploaded image. */
		cover: text('cover'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		publishedAt: integer('published_at')
	},
	(t) => [index('modules_owner_idx').on(t.ownerUnitId)]
);

/** One lesson of a module: Markdown, shown sanitised. */
export const lessons = sqliteTable(
	'lessons',
	{
		id: text('id').primaryKey(),
		moduleId: text('module_id')
			.notNull()
			.references(() => modules.id),
		sort: integer('sort').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		/** JSON LessonMedia | null: the lesson's audio or video, uploaded (`/files/<hash>`) or a link. */
		media: text('media'),
		/** JSON LessonAttachment[]: PDFs to read alongside. */
		attachments: text('attachments').notNull().default('[]'),
		/** Goes up with each edit once the module is published; earlier texts are kept in lesson_versions. */
		version: integer('version').notNull().default(1),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('lessons_module_idx').on(t.moduleId, t.sort)]
);

/**
 * A study plan: a branch's secretary (or an admin above) assigns modules to the branch, groups or
 * people, between two Beijing days, with a minimum effective time per lesson.
 */
export const studyPlans = sqliteTable(
	'study_plans',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		/** The branch that runs the plan: its secretary reviews the reflections. */
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		/** JSON: { units: string[], people: string[] } — as for exams. */
		audience: text('audience').notNull(),
		/** Beijing days, YYYY-MM-DD, both included. */
		startsOn: text('starts_on').notNull(),
		dueOn: text('due_on').notNull(),
		/** Minimum effective minutes per lesson; null means each lesson's reading estimate. */
		minMinutes: integer('min_minutes'),
		/** Shortest 学习心得 accepted, in characters. */
		minReflectionChars: integer('min_reflection_chars').notNull().default(50),
		/** Members of the branch may comment on each other's reflections. */
		peerComments: integer('peer_comments', { mode: 'boolean' }).notNull().default(false),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('study_plans_branch_idx').on(t.branchId)]
);

export const studyPlanItems = sqliteTable(
	'study_plan_items',
	{
		planId: text('plan_id')
			.notNull()
			.references(() => studyPlans.id, { onDelete: 'cascade' }),
		moduleId: text('module_id')
			.notNull()
			.references(() => modules.id),
		sort: integer('sort').notNull()
	},
	(t) => [primaryKey({ columns: [t.planId, t.moduleId] })]
);

/** A member's effective study time on one lesson, as credited by the server. */
export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		effectiveMs: integer('effective_ms').notNull().default(0),
		/** The lesson's version when the member started it: they keep reading that text after an edit. */
		version: integer('version').notNull().default(1),
		firstAt: integer('first_at').notNull(),
		lastAt: integer('last_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.lessonId] }), index('lesson_progress_lesson_idx').on(t.lessonId)]
);

/**
 * Each accepted reading-progress report (the op id is the key): what was claimed and what was credited,
 * for the learning record and audits.
 */
export const studyCredits = sqliteTable(
	'study_credits',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		/** Beijing day of the report's end. */
		day: text('day').notNull(),
		fromAt: integer('from_at').notNull(),
		toAt: integer('to_at').notNull(),
		claimedMs: integer('claimed_ms').notNull(),
		creditedMs: integer('credited_ms').notNull(),
		receivedAt: integer('received_at').notNull()
	},
	(t) => [index('study_credits_user_day_idx').on(t.userId, t.day), index('study_credits_user_to_idx').on(t.userId, t.toAt)]
);

/** 学习心得: what a member wrote after a lesson or a module, and the secretary's review of it. */
export const reflections = sqliteTable(
	'reflections',
	{
		/** Made on the phone, so a resubmission after 退回修改 updates the same reflection. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** The member's branch when written: its secretary reviews it. */
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		moduleId: text('module_id')
			.notNull()
			.references(() => modules.id),
		lessonId: text('lesson_id').references(() => lessons.id),
		planId: text('plan_id').references(() => studyPlans.id),
		body: text('body').notNull(),
		status: text('status', { enum: ['submitted', 'returned', 'reviewed'] }).notNull(),
		grade: text('grade', { enum: ['excellent', 'good', 'pass', 'improve'] }),
		reviewComment: text('review_comment'),
		reviewedBy: text('reviewed_by').references(() => users.id),
		reviewedAt: integer('reviewed_at'),
		/** When the member opened the review result; null while it is news (the tab badge). */
		seenAt: integer('seen_at'),
		submittedAt: integer('submitted_at').notNull(),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('reflections_branch_status_idx').on(t.branchId, t.status, t.submittedAt), index('reflections_user_idx').on(t.userId)]
);

/** A fellow member's comment on a reflection (only where the plan allows it). */
export const reflectionComments = sqliteTable(
	'reflection_comments',
	{
		id: text('id').primaryKey(),
		reflectionId: text('reflection_id')
			.notNull()
			.references(() => reflections.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('reflection_comments_reflection_idx').on(t.reflectionId)]
);

/** In-app messages to one member (a secretary's reminder…), shown until read. */
export const notices = sqliteTable(
	'notices',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		fromUserId: text('from_user_id').references(() => users.id),
		body: text('body').notNull(),
		link: text('link'),
		createdAt: integer('created_at').notNull(),
		readAt: integer('read_at')
	},
	(t) => [index('notices_user_idx').on(t.userId, t.readAt)]
);

/** Uploaded files, stored on disk by the SHA-256 of their content (server/uploads). Type from the content, never the name. */
export const files = sqliteTable('files', {
	hash: text('hash').primaryKey(),
	mime: text('mime').notNull(),
	kind: text('kind', { enum: ['image', 'audio', 'video', 'pdf'] }).notNull(),
	size: integer('size').notNull(),
	/** The name it was uploaded under (shown for attachments, never trusted for the type). */
	name: text('name').notNull(),
	createdBy: text('created_by').references(() => users.id),
	createdAt: integer('created_at').notNull()
});

/** A published lesson's text as it was before an edit, for members who started on it. */
export const lessonVersions = sqliteTable(
	'lesson_versions',
	{
		lessonId: text('lesson_id')
			.notNull()
			.references(() => lessons.id),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		media: text('media'),
		attachments: text('attachments').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.version] })]
);

/** A live knowledge contest: its rounds (JSON ContestPlan, question versions frozen) and its join code. */
export const contests = sqliteTable(
	'contests',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		ownerUnitId: text('owner_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** Six digits players type to join; unique among contests not yet ended. */
		code: text('code').notNull(),
		/** JSON: { rounds: RoundPlan[], versions: Record<questionId, version> }. */
		plan: text('plan').notNull(),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		endedAt: integer('ended_at')
	},
	(t) => [index('contests_code_idx').on(t.code)]
);

/**
 * Every accepted contest event in order (`seq` is the state's seq after it): the contest's state is
 * these events replayed through shared/contest/machine.ts, so a restarted server resumes it.
 */
export const contestEvents = sqliteTable(
	'contest_events',
	{
		contestId: text('contest_id')
			.notNull()
			.references(() => contests.id),
		seq: integer('seq').notNull(),
		event: text('event').notNull(),
		at: integer('at').notNull()
	},
	(t) => [primaryKey({ columns: [t.contestId, t.seq] })]
);

/** Each answer, stored before it is acknowledged: one per (contest, question, player). */
export const contestAnswers = sqliteTable(
	'contest_answers',
	{
		contestId: text('contest_id')
			.notNull()
			.references(() => contests.id),
		questionId: text('question_id').notNull(),
		playerId: text('player_id').notNull(),
		response: text('response').notNull(),
		at: integer('at').notNull()
	},
	(t) => [primaryKey({ columns: [t.contestId, t.questionId, t.playerId] })]
);

/**
 * A 三会一课 meeting of a branch: who is expected (an audience as for exams), when and where, and the
 * secret of its rotating check-in QR (shared/checkin/token.ts; sent to its hosts' screens only).
 */
export const meetings = sqliteTable(
	'meetings',
	{
		id: text('id').primaryKey(),
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		type: text('type', { enum: ['assembly', 'committee', 'group', 'lecture', 'theme_day', 'study', 'other'] }).notNull(),
		title: text('title').notNull(),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		place: text('place').notNull().default(''),
		host: text('host').notNull().default(''),
		/** JSON: { units: string[], people: string[] } — as for exams and plans. */
		audience: text('audience').notNull(),
		agenda: text('agenda').notNull().default(''),
		/** JSON: string[] of study module ids to read (and the 补学 of those who missed it). */
		materials: text('materials').notNull().default('[]'),
		graceMin: integer('grace_min').notNull().default(5),
		secret: text('secret').notNull(),
		/** 会议记录 in Markdown. */
		minutes: text('minutes').notNull().default(''),
		/** JSON: { src, name }[] of pictures taken at the meeting, attached to the minutes. */
		photos: text('photos').notNull().default('[]'),
		/** JSON: { src, name, kind }[] of files to read before the meeting (a speech as PDF, a recording…). */
		attachments: text('attachments').notNull().default('[]'),
		/** An exam absentees must pass as part of their 补学 (optional). */
		makeupExamId: text('makeup_exam_id').references((): AnySQLiteColumn => exams.id),
		/** Meetings made together by one recurring schedule share this id. */
		seriesId: text('series_id'),
		closedAt: integer('closed_at'),
		createdBy: text('created_by').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [index('meetings_branch_idx').on(t.branchId, t.startsAt), index('meetings_starts_idx').on(t.startsAt)]
);

/** One check-in per member and meeting; `at` is the scan time (an offline scan's, accepted later). */
export const meetingCheckins = sqliteTable(
	'meeting_checkins',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		at: integer('at').notNull(),
		/** qr: the QR opened by a camera; code: the typed code; scan: the app's scanner (online or later); admit: let in by the host. */
		via: text('via', { enum: ['qr', 'code', 'scan', 'admit'] }).notNull(),
		receivedAt: integer('received_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_checkins_user_idx').on(t.userId)]
);

/** 请假: a member's leave request for one meeting and the secretary's answer. */
export const meetingLeaves = sqliteTable(
	'meeting_leaves',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		reason: text('reason').notNull(),
		status: text('status', { enum: ['pending', 'approved', 'declined'] }).notNull(),
		askedAt: integer('asked_at').notNull(),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: integer('decided_at')
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_leaves_user_idx').on(t.userId)]
);

/** The secretary's hand mark (members without a phone, or who could not come), which has the last word. */
export const meetingMarks = sqliteTable(
	'meeting_marks',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		status: text('status', { enum: ['present', 'late', 'excused', 'absent'] }).notNull(),
		reason: text('reason', { enum: ['leave', 'ill', 'away', 'frail', 'other'] }),
		note: text('note').notNull().default(''),
		markedBy: text('marked_by').references(() => users.id),
		markedAt: integer('marked_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] })]
);

/** 补学 done: a member who missed a closed meeting read its minutes and materials. */
export const meetingMakeups = sqliteTable(
	'meeting_makeups',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		doneAt: integer('done_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_makeups_user_idx').on(t.userId)]
);

/**
 * 学习积分, append-only: one row per (member, rule, source), so a replayed op or a second grading
 * never counts twice. `day` is the Beijing day the points count towards (for the daily caps).
 * A running rule (study minutes, practice answers) adds a row each time the day's total passes
 * another point, with the source `<day>#<points so far>`.
 */
export const pointsLedger = sqliteTable(
	'points_ledger',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		rule: text('rule').notNull(),
		source: text('source').notNull(),
		points: integer('points').notNull(),
		day: text('day').notNull(),
		/** When the learning happened (a reading span's end, a grading, a check-in). */
		at: integer('at').notNull(),
		/** What earned them, for the history: an exam's, a meeting's or a module's title. */
		note: text('note').notNull().default(''),
		createdAt: integer('created_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.rule, t.source] }), index('points_ledger_user_day_idx').on(t.userId, t.day), index('points_ledger_day_idx').on(t.day)]
);

/** 考评: the secretary's overall grade and comment for a member over a half-year ("2026-H1") or a year ("2026"). */
export const evaluations = sqliteTable(
	'evaluations',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		period: text('period').notNull(),
		grade: text('grade', { enum: ['excellent', 'qualified', 'basic', 'unqualified'] }).notNull(),
		comment: text('comment').notNull().default(''),
		/** The member's branch when evaluated. */
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		evaluatedBy: text('evaluated_by').references(() => users.id),
		evaluatedAt: integer('evaluated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.period] }), index('evaluations_period_idx').on(t.period, t.branchId)]
);

/** Every management action (who, what, when), for admins; `unitPath` is where it happened, to show each admin their subtree's. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		actorId: text('actor_id').references(() => users.id),
		/** e.g. person.create, person.move, people.import, points.rules (lib/shared/audit.ts). */
		action: text('action').notNull(),
		targetId: text('target_id'),
		/** What it was about, in words as they stood then (a person's name, a unit's name). */
		summary: text('summary').notNull(),
		unitPath: text('unit_path').notNull(),
		at: integer('at').notNull()
	},
	(t) => [index('audit_log_at_idx').on(t.at), index('audit_log_target_idx').on(t.targetId)]
);

/** A member moved to another branch: the history stays when their branch changes. */
export const branchMoves = sqliteTable(
	'branch_moves',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		fromBranchId: text('from_branch_id')
			.notNull()
			.references(() => orgUnits.id),
		toBranchId: text('to_branch_id')
			.notNull()
			.references(() => orgUnits.id),
		movedBy: text('moved_by').references(() => users.id),
		at: integer('at').notNull()
	},
	(t) => [index('branch_moves_user_idx').on(t.userId, t.at)]
);

/** A branch's 支部委员会: who sits on it and in which post. Meetings of the committee invite them. */
export const committeeMembers = sqliteTable(
	'committee_members',
	{
		branchId: text('branch_id')
			.notNull()
			.references(() => orgUnits.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		post: text('post', { enum: ['secretary', 'deputy', 'organisation', 'publicity', 'discipline', 'youth', 'member'] }).notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.branchId, t.userId] })]
);
