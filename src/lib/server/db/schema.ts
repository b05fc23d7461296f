import { blob, index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

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
