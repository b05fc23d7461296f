import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { BLANK } from '$lib/shared/quiz/parse-text';

/**
 * Markdown that people type (question stems, later lessons) to HTML that is safe to show: rendered
 * with marked, then cleaned with an allowlist — no scripts, event handlers, styles, iframes or
 * `javascript:` links survive. Rendered on the server, so phones never run a sanitiser.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sub', 'sup', 'hr'],
	allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'title'], span: ['class'], th: ['align'], td: ['align'] },
	allowedClasses: { span: ['blank'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: { img: ['http', 'https'] },
	allowProtocolRelative: false,
	disallowedTagsMode: 'escape',
	// The page has its own h1: a lesson's top heading becomes an h2.
	transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }), h1: 'h2' }
};

export function renderMarkdown(markdown: string): string {
	return sanitizeHtml(marked.parse(markdown) as string, OPTIONS).trim();
}

const BLANK_TOKEN = 'XFBLANKTOKENX';
const PLAIN = /^[^*_`#<>[\]!|~&\\\n-]*$/;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A question stem as HTML: Markdown, with each 填空 blank drawn as a line the member can see. */
export function stemHtml(stem: string): string {
	const protectedStem = stem.split(BLANK).join(BLANK_TOKEN);
	// Most stems are plain sentences: escaping is enough, and much cheaper than a full render.
	const html = PLAIN.test(protectedStem) ? `<p>${escapeHtml(protectedStem)}</p>` : renderMarkdown(protectedStem);
	return html.split(BLANK_TOKEN).join('<span class="blank">＿＿＿＿</span>');
}
