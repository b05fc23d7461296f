import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Under Vitest the messages are compiled once beforehand (`npm run i18n`); the plugin's watcher would keep the run from ending.
		process.env.VITEST
			? []
			: paraglideVitePlugin({
					project: './project.inlang',
					outdir: './src/lib/paraglide',
					// Locale comes from the member's setting, mirrored into a cookie: one precached shell serves both languages.
					strategy: ['cookie', 'baseLocale']
				}),
		sveltekit()
	],
	server: { port: 5173 },
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/lib/shared/**/*.test.ts', 'src/lib/server/**/*.test.ts', 'scripts/**/*.test.ts'],
					pool: 'forks'
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'client',
					environment: 'happy-dom',
					include: ['src/lib/client/**/*.test.ts', 'src/lib/components/**/*.test.ts'],
					setupFiles: ['fake-indexeddb/auto']
				}
			}
		]
	}
});
