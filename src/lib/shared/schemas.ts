import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';

/** Mainland mobile numbers: 11 digits starting 13–19. Spaces and dashes typed by people are removed first. */
export const PHONE_RE = /^1[3-9]\d{9}$/;
export const normalisePhone = (raw: string) => raw.replace(/[\s-]/g, '');

export const phoneSchema = v.pipe(
	v.string(() => m.err_phone_required()),
	v.transform(normalisePhone),
	v.nonEmpty(() => m.err_phone_required()),
	v.regex(PHONE_RE, () => m.err_phone_invalid())
);

export const MIN_PASSWORD = 8;
export const newPasswordSchema = v.pipe(
	v.string(() => m.err_password_required()),
	v.minLength(MIN_PASSWORD, () => m.err_password_short({ min: MIN_PASSWORD })),
	v.maxLength(128, () => m.err_password_long()),
	v.check((p) => /[A-Za-z]/.test(p) && /\d/.test(p), () => m.err_password_weak())
);

export const loginSchema = v.object({
	phone: phoneSchema,
	password: v.pipe(v.string(() => m.err_password_required()), v.nonEmpty(() => m.err_password_required()))
});

export const nameSchema = v.pipe(
	v.string(() => m.err_name_required()),
	v.trim(),
	v.nonEmpty(() => m.err_name_required()),
	v.maxLength(32, () => m.err_name_long())
);

export const localeSchema = v.picklist(['zh-CN', 'en'], () => m.err_locale());
export type Locale = v.InferOutput<typeof localeSchema>;

/** The first error message of a failed parse, for one-line form feedback. */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
	return issues[0]?.message ?? m.err_invalid();
}

/** Field → first message, for showing errors beside form fields. */
export function issuesByField(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of issues) {
		const key = issue.path?.map((p) => String(p.key)).join('.') ?? '_';
		out[key] ??= issue.message;
	}
	return out;
}

/** Read a form's text fields into a plain object for a schema. */
export function formObject(form: FormData, fields: readonly string[]): Record<string, string | undefined> {
	const out: Record<string, string | undefined> = {};
	for (const f of fields) {
		const value = form.get(f);
		out[f] = typeof value === 'string' ? value : undefined;
	}
	return out;
}

/** Checkboxes arrive as "on" or not at all. */
export const checkbox = (form: FormData, field: string) => form.get(field) === 'on';

/** A whole number from a form field or JSON, within bounds. */
export const int = (min: number, max: number, message: () => string) =>
	v.pipe(v.union([v.number(), v.string()], message), v.transform(Number), v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
/** As `int`, but an empty field means "not set". */
export const optionalInt = (min: number, max: number, message: () => string) =>
	v.pipe(
		v.optional(v.union([v.number(), v.string()]), ''),
		v.transform((x) => (x === '' ? undefined : Number(x))),
		v.optional(v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message)))
	);
