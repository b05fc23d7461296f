import { deleteUserDb } from './db';

/** Everything this device keeps for a member: their IndexedDB and the pages cached for offline use. */
export async function wipeMemberData(userId: string): Promise<void> {
	await deleteUserDb(userId);
	if ('caches' in globalThis) {
		for (const name of await caches.keys()) {
			if (name.startsWith('xianfeng-pages')) await caches.delete(name);
		}
	}
}
