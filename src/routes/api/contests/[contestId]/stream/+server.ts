import { json } from '@sveltejs/kit';
import { assertMayFollow, followContest } from '$lib/server/contest/contest-service';
import { playerFrom } from '$lib/server/contest/guest-cookie';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function withPersonal(frame: Uint8Array, mine: unknown): Uint8Array {
	const me = encoder.encode(`event: me\ndata: ${JSON.stringify(mine)}\n\n`);
	const both = new Uint8Array(frame.length + me.length);
	both.set(frame);
	both.set(me, frame.length);
	return both;
}

/**
 * `GET …/stream`: Server-Sent Events. Each change is a `snapshot` event (the shared snapshot, `seq` as
 * the event id); after a reveal the follower also gets `me`, their own result only, and the host gets
 * `roster` (every seat, for the lobby and for removing a player) and at the end `ranking` (everyone;
 * phones get the top ten in the snapshot). A comment line
 * every 15 s keeps proxies and phones from dropping the connection.
 */
export const GET: RequestHandler = async ({ locals, params, request, cookies }) => {
	const who = playerFrom(locals.actor, cookies);
	if (!who) return json({ message: m.err_signed_out() }, { status: 401 });
	const { host, playerId } = await assertMayFollow(locals.db, who, params.contestId);
	let stop: (() => void) | null = null;
	let beat: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (chunk: string | Uint8Array) => {
				try {
					controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
				} catch {
					close();
				}
			};
			const close = () => {
				stop?.();
				clearInterval(beat);
			};
			stop = await followContest(locals.db, who, params.contestId, (message) => {
				if (message.countsOnly && !host && message.snapshot.phase !== 'lobby') return;
				const mine = message.sendsPersonal ? message.personalFor(playerId) : undefined;
				// One write per follower per change: the shared frame, with the player's own result appended when there is one.
				send(mine ? withPersonal(message.frame(), mine) : message.frame());
				if (host) {
					// Seats change by joining (the lobby), by the host's own commands and by scoring (never a count-only update during a question).
					if (!message.countsOnly || message.snapshot.phase === 'lobby') send(`event: roster\ndata: ${message.rosterJson()}\n\n`);
					const ranking = message.rankingJson();
					if (ranking) send(`event: ranking\ndata: ${ranking}\n\n`);
				}
			});
			beat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
			request.signal.addEventListener('abort', close);
		},
		cancel() {
			stop?.();
			clearInterval(beat);
		}
	});
	return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' } });
};
