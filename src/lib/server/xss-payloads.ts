import { expect } from 'vitest';

/** Payloads from the usual XSS cheat sheets: none may leave anything that runs. */
export const PAYLOADS = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg/onload=alert(1)>',
	'<iframe src="https://evil.example"></iframe>',
	'[点我](javascript:alert(1))',
	'[点我](JaVaScRiPt:alert(1))',
	'[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'![x](javascript:alert(1))',
	'<a href="javascript:alert(1)">x</a>',
	'<p style="background:url(javascript:alert(1))">x</p>',
	'<div onclick="alert(1)">x</div>',
	'<object data="x"></object><embed src="x">',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
	'<form action="https://evil.example"><input name=x></form>',
	'<meta http-equiv="refresh" content="0;url=https://evil.example">',
	'<base href="https://evil.example/">'
];

/** Sanitised HTML must hold no element, handler, style or address that can run. For tests. */
export function runsNothing(html: string) {
	expect(html).not.toMatch(/<(script|iframe|object|embed|svg|math|form|input|meta|base|style)\b/i);
	// Inside real tags only: escaped text such as `&lt;img onerror=…&gt;` is harmless words.
	expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
	expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*(javascript|data):/i);
	expect(html).not.toMatch(/<[^>]*style\s*=/i);
}
