import { auditLog } from '$lib/server/audit/audit-service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const before = Number(url.searchParams.get('before'));
	return auditLog(locals.db, locals.actor!, Number.isSafeInteger(before) && before > 0 ? before : undefined);
};
