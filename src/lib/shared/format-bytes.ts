/** Sizes as the phone shows them: whole KB below a megabyte, MB with one decimal above. */
export function formatBytes(bytes: number): string {
	return bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
