// The server the Playwright journeys run against: the production build on a fresh demo database.
import { rmSync, mkdirSync } from 'node:fs';

const dir = 'test-results/e2e-db';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = `${dir}/e2e.db`;
process.env.PORT ??= '4173';
process.env.HOST ??= '127.0.0.1';
await import('./start.js');
