/** An attempt passes once graded at or above the exam's pass mark (a percentage of its total). */
export const attemptPassed = (attempt: { status: string; score: number | null; maxScore: number }, passPercent: number): boolean =>
	attempt.status === 'graded' && (attempt.score ?? 0) >= (attempt.maxScore * passPercent) / 100;
