import type { Db } from '../db/client';
import { questionRepo } from '../quiz/question-repo';
import { toXlsxSheets } from '../xlsx';
import { liveContest, openingTimes } from './contest-engine';
import { contestRepo } from './contest-repo';
import { contestToHost, teamNamesFor } from './contest-service';
import { m } from '$lib/paraglide/messages';
import { ranking } from '$lib/shared/contest/machine';
import { teamRanking } from '$lib/shared/contest/teams';
import { dateTime } from '$lib/shared/format-time';
import type { Actor } from '$lib/shared/roles';

export interface PlayerRow {
	rank: number | null;
	name: string;
	team: string;
	correct: number;
	answered: number;
	score: number;
	removed: boolean;
}

/** Where a contest stands for its host: every player's rank, right answers and points, and the teams'. */
export async function contestResults(db: Db, actor: Actor, contestId: string) {
	const contest = contestToHost(db, actor, contestId);
	const live = (await liveContest(db, contestId))!;
	const s = live.state;
	const names = await teamNamesFor(db, live.plan, s);
	const teamOf = (id: string | null) => (id ? (names[id] ?? '') : '');
	const players: (PlayerRow & { playerId: string })[] = ranking(s).map((r) => {
		const p = s.players[r.playerId];
		return { playerId: r.playerId, rank: r.rank, name: r.name, team: teamOf(p.teamId), correct: p.correct, answered: p.answered, score: p.score, removed: false };
	});
	for (const [playerId, p] of Object.entries(s.players))
		if (p.removed) players.push({ playerId, rank: null, name: p.name, team: teamOf(p.teamId), correct: p.correct, answered: p.answered, score: p.score, removed: true });

	const combine = live.plan.teams?.combine ?? null;
	const teams = combine ? teamRanking(s, combine, names) : [];
	return { contest, phase: s.phase, players, teams, combine, questions: live.plan.rounds.reduce((n, r) => n + r.questionIds.length, 0) };
}

/** The results as a workbook: players, teams (for team play) and every answer with its time. */
export async function contestWorkbook(db: Db, actor: Actor, contestId: string) {
	const results = await contestResults(db, actor, contestId);
	const live = (await liveContest(db, contestId))!;
	const opened = await openingTimes(db, contestId);
	const place = new Map<string, { round: number; question: number }>();
	live.plan.rounds.forEach((r, round) => r.questionIds.forEach((id, question) => place.set(id, { round, question })));
	const versions = await questionRepo(db).versions(Object.entries(live.plan.versions).map(([questionId, version]) => ({ questionId, version })));
	const names = new Map(results.players.map((p) => [p.playerId, p.name]));
	const answers = contestRepo(db)
		.answers(contestId)
		.map((a) => {
			const at = place.get(a.questionId);
			const content = versions.get(`${a.questionId}@${live.plan.versions[a.questionId]}`)?.content;
			const openedAt = at ? opened.get(`${at.round}.${at.question}`) : undefined;
			return [
				names.get(a.playerId) ?? '',
				at ? at.round + 1 : null,
				at ? at.question + 1 : null,
				content?.stem.slice(0, 60) ?? '',
				a.response.join(','),
				content ? (live.isCorrect(a.questionId, a.response) ? m.contest_right() : m.contest_wrong()) : '',
				dateTime(a.at),
				openedAt !== undefined ? Math.max(0, Math.round((a.at - openedAt) / 100) / 10) : null
			];
		});
	const sheets = [
		{
			name: m.contests_results(),
			headers: [m.contests_col_rank(), m.contests_col_name(), m.contests_col_team(), m.contests_col_correct(), m.contests_col_answered(), m.contests_col_score()],
			rows: results.players.map((p) => [p.rank ?? m.contest_host_removed_mark().trim(), p.name, p.team, p.correct, p.answered, p.score])
		},
		...(results.teams.length
			? [{ name: m.contests_teams_board(), headers: [m.contests_col_rank(), m.contests_col_team(), m.contests_col_members(), m.contests_col_score()], rows: results.teams.map((t) => [t.rank, t.name, t.members, t.score]) }]
			: []),
		{
			name: m.contests_answers_sheet(),
			headers: [m.contests_col_name(), m.contests_col_round(), m.contests_col_question(), m.contests_col_stem(), m.contests_col_response(), m.contests_col_result(), m.contests_col_time(), m.contests_col_seconds()],
			rows: answers
		}
	];
	return { title: results.contest.title, bytes: await toXlsxSheets(sheets) };
}
