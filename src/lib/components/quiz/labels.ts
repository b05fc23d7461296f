import { m } from '$lib/paraglide/messages';
import type { Purpose, Track } from '$lib/shared/quiz/bank-schemas';
import type { QuestionType } from '$lib/shared/quiz/types';

const TYPE = { single: m.qtype_single, multiple: m.qtype_multiple, judge: m.qtype_judge, fill: m.qtype_fill, essay: m.qtype_essay };
const TRACK = { political: m.track_political, business: m.track_business };
const PURPOSE = { practice: m.purpose_practice, exam: m.purpose_exam };

export const typeLabel = (t: QuestionType) => TYPE[t]();
export const trackLabel = (t: Track) => TRACK[t]();
export const purposeLabel = (p: Purpose) => PURPOSE[p]();
