import { m } from '$lib/paraglide/messages';

/** Management actions the audit log records, with their names in the log. */
const ACTIONS = {
	'person.create': m.audit_person_create,
	'person.update': m.audit_person_update,
	'person.deactivate': m.audit_person_deactivate,
	'person.reactivate': m.audit_person_reactivate,
	'person.reset_password': m.audit_person_reset_password,
	'person.roles': m.audit_person_roles,
	'person.move': m.audit_person_move,
	'people.import': m.audit_people_import,
	'org.create': m.audit_org_create,
	'points.rules': m.audit_points_rules,
	'points.ranks': m.audit_points_ranks,
	'evaluation.set': m.audit_evaluation_set,
	'exam.create': m.audit_exam_create,
	'exam.publish': m.audit_exam_publish,
	'module.create': m.audit_module_create,
	'module.publish': m.audit_module_publish,
	'plan.create': m.audit_plan_create,
	'plan.remind': m.audit_plan_remind,
	'contest.create': m.audit_contest_create,
	'meeting.create': m.audit_meeting_create,
	'meeting.close': m.audit_meeting_close,
	'meeting.cancel': m.audit_meeting_cancel,
	'meeting.mark': m.audit_meeting_mark,
	'meeting.admit': m.audit_meeting_admit,
	'meeting.leave_approve': m.audit_meeting_leave_approve,
	'meeting.leave_decline': m.audit_meeting_leave_decline,
	'meeting.rules': m.audit_meeting_rules,
	'bank.create': m.audit_bank_create,
	'bank.import': m.audit_bank_import,
	'reflection.grade': m.audit_reflection_grade,
	'reflection.return': m.audit_reflection_return,
	'bank.update': m.audit_bank_update,
	'question.create': m.audit_question_create,
	'question.update': m.audit_question_update,
	'question.delete': m.audit_question_delete,
	'module.update': m.audit_module_update,
	'lesson.save': m.audit_lesson_save,
	'quiz.daily_cap': m.audit_quiz_daily_cap,
	'exam.mark': m.audit_exam_mark,
	'meeting.minutes': m.audit_meeting_minutes,
	'file.upload': m.audit_file_upload
} as const;

export type AuditAction = keyof typeof ACTIONS;
export const auditActionLabel = (a: string) => ACTIONS[a as AuditAction]?.() ?? a;
