import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Scripted {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}
export interface Received {
	method: string;
	url: string;
	body: unknown;
}

/**
 * A real HTTP server for client tests: each request gets the next scripted answer, or `auto`
 * (a real sync server's happy answer: every op applied). Requests are recorded for assertions.
 */
export async function scriptedServer() {
	const queue: (Scripted | ((req: Received) => Scripted))[] = [];
	const received: Received[] = [];
	const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
		// happy-dom's fetch is a browser's: a JSON POST to another origin is preflighted first.
		if (req.method === 'OPTIONS') {
			res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' });
			res.end();
			return;
		}
		const chunks: Buffer[] = [];
		for await (const c of req) chunks.push(c as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		const r: Received = { method: req.method ?? 'GET', url: req.url ?? '/', body: text ? JSON.parse(text) : null };
		received.push(r);
		const next = queue.shift() ?? auto;
		const answer = typeof next === 'function' ? next(r) : next;
		res.writeHead(answer.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after', ...answer.headers });
		res.end(JSON.stringify(answer.body ?? {}));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		received,
		reply: (...answers: (Scripted | ((req: Received) => Scripted))[]) => queue.push(...answers),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** What the real server answers when every op applies. */
export function auto(req: Received): Scripted {
	if (req.method === 'GET') return { status: 200, body: { cursor: '1', settings: null } };
	const ops = (req.body as { ops: { id: string }[] }).ops;
	return { status: 200, body: { results: ops.map((o) => ({ id: o.id, status: 'applied' })) } };
}
