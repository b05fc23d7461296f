/** Process settings read once from the environment; no $env import so the CLI and benches can use it too. */
export const config = {
	get databasePath() {
		return process.env.DATABASE_PATH ?? 'data/xianfeng.db';
	},
	/** `demo` (default) seeds the demo organisation into an empty database; `none` starts empty. */
	get seed(): 'demo' | 'none' {
		return process.env.XIANFENG_SEED === 'none' ? 'none' : 'demo';
	},
	get version() {
		return process.env.npm_package_version ?? process.env.XIANFENG_VERSION ?? '0.1.0';
	}
};
