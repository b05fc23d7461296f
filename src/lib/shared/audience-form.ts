/** The audience fields of a form (ticked units and typed mobile numbers), as the services take them. */
export function audienceFromForm(form: FormData) {
	return {
		audienceUnits: form.getAll('audience').map(String),
		audiencePhones: String(form.get('audiencePhones') ?? '')
			.split(/[\s,，、;；]+/)
			.filter(Boolean)
	};
}
