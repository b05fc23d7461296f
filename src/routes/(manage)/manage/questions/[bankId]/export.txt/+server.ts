import { exportBankText } from '$lib/server/quiz/question-service';
import type { RequestHandler } from './$types';

/** The bank in the plain-text import format, as a UTF-8 download (with a BOM so Windows Notepad reads it right). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { name, text } = await exportBankText(locals.db, locals.actor!, params.bankId);
	return new Response('\uFEFF' + text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="bank.txt"; filename*=UTF-8''${encodeURIComponent(name)}.txt`,
			'cache-control': 'no-store'
		}
	});
};
