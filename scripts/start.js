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
// Question imports may be up to 10 MB (the app refuses larger ones with its own message).
process.env.BODY_SIZE_LIMIT ??= '11M';

const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocol) process.env.PROTOCOL_HEADER = 'x-xianfeng-scheme';

const { handler } = await import(join(root, 'build', 'handler.js'));
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer((req, res) => {
	if (ownProtocol) req.headers['x-xianfeng-scheme'] = 'http';
	handler(req, res);
});
server.listen(port, host, () => {
	console.log(`[xianfeng] 已启动：http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
