// Serves the production build on plain HTTP.
//   PORT (3000) and HOST (0.0.0.0): where to listen.
//   ORIGIN: the public URL when behind a proxy (e.g. https://study.example.org); or PROTOCOL_HEADER/HOST_HEADER as adapter-node documents.
//   DATABASE_PATH (data/xianfeng.db) and XIANFENG_SEED (demo | none): read by the app.
// adapter-node assumes https when it is told nothing; this server speaks plain http (a meeting room's LAN
// often has no certificate), so unless ORIGIN or PROTOCOL_HEADER is set, it tells the app the truth itself.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.XIANFENG_VERSION ??= JSON.parse(readFileSync('package.json', 'utf8')).version;
// Uploads (audio, video, PDF) may be up to XIANFENG_UPLOAD_MAX_MB (default 200); the app itself refuses
// bodies over 11 MB anywhere but /api/files (hooks.server.ts), and question imports over 10 MB.
const uploadMaxMb = Number(process.env.XIANFENG_UPLOAD_MAX_MB) > 0 ? Number(process.env.XIANFENG_UPLOAD_MAX_MB) : 200;
process.env.BODY_SIZE_LIMIT ??= `${Math.ceil(Math.max(uploadMaxMb, 10)) + 1}M`;

const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = 'x-xianfeng-scheme';

const { handler } = await import(join(root, 'build', 'handler.js'));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer((req, res) => {
	if (ownProtocol) req.headers['x-xianfeng-scheme'] = 'http';
	handler(req, res);
});
// Keep idle connections longer than Node's 5 s default: a phone (or a proxy) that reuses a connection
// the server has just closed loses that request, and a POST is not retried by the browser.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => {
	console.log(`[xianfeng] 已启动：http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
