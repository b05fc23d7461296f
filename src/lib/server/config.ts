import { dirname, join } from 'node:path';

/** Process settings read once from the environment; no $env import so the CLI and benches can use it too. */
export const config = {
	get databasePath() {
		return process.env.DATABASE_PATH ?? 'data/xianfeng.db';
	},
	/** `demo` (default) seeds the demo organisation into an empty database; `none` starts empty. */
	get seed(): 'demo' | 'none' {
		return process.env.XIANFENG_SEED === 'none' ? 'none' : 'demo';
	},
	/** Per-IP token bucket for API writes: burst and refill per second (XIANFENG_API_BURST, XIANFENG_API_PER_SECOND). */
	get apiRate() {
		const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);
		return { burst: num(process.env.XIANFENG_API_BURST, 2000), perSecond: num(process.env.XIANFENG_API_PER_SECOND, 100) };
	},
	/** Uploaded files live beside the database, in `uploads/` (XIANFENG_UPLOADS_DIR to put them elsewhere). */
	get uploadsDir() {
		return process.env.XIANFENG_UPLOADS_DIR ?? join(dirname(this.databasePath), 'uploads');
	},
	/** Largest upload in bytes: XIANFENG_UPLOAD_MAX_MB, default 200. */
	get uploadMaxBytes() {
		const mb = Number(process.env.XIANFENG_UPLOAD_MAX_MB);
		return (Number.isFinite(mb) && mb > 0 ? mb : 200) * 1024 * 1024;
	},
	get version() {
		return process.env.npm_package_version ?? process.env.XIANFENG_VERSION ?? '0.1.0';
	}
};
