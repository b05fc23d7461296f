import { beijingDay } from '../day';

/**
 * 错题本: a question enters when answered wrongly and leaves once it has been answered right on two
 * different (Beijing) days after its last wrong answer. A wrong answer in between starts the count again.
 */
export interface MistakeState {
	lastWrongAt: number;
	wrongCount: number;
	/** Days since the last wrong answer on which the question was answered right. */
	rightDays: string[];
}

export const DAYS_TO_CLEAR = 2;

/** The entry after one answer, or null when the question is (or stays) out of the book. */
export function afterAnswer(entry: MistakeState | null, correct: boolean, at: number): MistakeState | null {
	if (!correct) return { lastWrongAt: Math.max(at, entry?.lastWrongAt ?? 0), wrongCount: (entry?.wrongCount ?? 0) + 1, rightDays: [] };
	if (!entry) return null;
	// A right answer made before the last wrong one (an older op synced late) proves nothing new.
	if (at < entry.lastWrongAt) return entry;
	const day = beijingDay(at);
	const rightDays = entry.rightDays.includes(day) ? entry.rightDays : [...entry.rightDays, day];
	return rightDays.length >= DAYS_TO_CLEAR ? null : { ...entry, rightDays };
}
