import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// Form posts get SvelteKit's default origin check; /api/ gets a stricter one in hooks.server.ts
		serviceWorker: { register: false },
		// Only /offline is prerendered (the service worker's fallback); it links to pages that need a session.
		prerender: { crawl: false, entries: ['/offline'] },
		version: { name: process.env.npm_package_version ?? '0.0.0' },
		// Benchmarks and browser journeys are type-checked with the app (a changed repository type must not break them unseen).
		typescript: { config: (c) => ({ ...c, include: [...c.include, '../bench/**/*.ts', '../tests/**/*.ts'] }) }
	}
};

export default config;
