import type { SessionUser, ValidSession } from '$lib/server/auth/session';
import type { Db } from '$lib/server/db/client';
import type { Actor } from '$lib/shared/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			db: Db;
			user: SessionUser | null;
			session: ValidSession | null;
			actor: Actor | null;
		}
	}
}

export {};
