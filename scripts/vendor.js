// Copies browser libraries that must stay out of the app bundle into static/vendor/ (git-ignored):
// ECharts for the report pages, loaded by those pages alone and never precached by the service worker
// (src/lib/shared/precache-filter.js), so members' phones never download it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const out = 'static/vendor';
mkdirSync(out, { recursive: true });
copyFileSync(join(dirname(require.resolve('echarts/package.json')), 'dist/echarts.simple.min.js'), join(out, 'echarts.min.js'));
