import { describe, expect, it } from 'vitest';
import { renderMarkdown, stemHtml } from './markdown';

/** Payloads from the usual XSS cheat sheets: none may leave anything that runs. */
const PAYLOADS = [
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

describe('Markdown, sanitised', () => {
	it('renders what people type: bold, lists, links that open safely', () => {
		expect(renderMarkdown('**党章**规定：\n\n1. 甲\n2. 乙')).toBe('<p><strong>党章</strong>规定：</p>\n<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>');
		expect(renderMarkdown('# 标题\n## 小标题')).toBe('<h2>标题</h2>\n<h2>小标题</h2>');
		expect(renderMarkdown('[学习强国](https://www.xuexi.cn)')).toBe('<p><a href="https://www.xuexi.cn" rel="noopener noreferrer" target="_blank">学习强国</a></p>');
	});

	for (const payload of PAYLOADS) {
		it(`leaves nothing that runs: ${payload.slice(0, 40)}`, () => {
			const html = renderMarkdown(payload);
			expect(html).not.toMatch(/<(script|iframe|object|embed|svg|math|form|input|meta|base|style)\b/i);
			// Inside real tags only: escaped text such as `&lt;img onerror=…&gt;` is harmless words.
			expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
			expect(html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*(javascript|data):/i);
			expect(html).not.toMatch(/<[^>]*style\s*=/i);
		});
	}

	it('draws 填空 blanks and escapes plain stems', () => {
		expect(stemHtml('_____是党的基础组织。')).toBe('<p><span class="blank">＿＿＿＿</span>是党的基础组织。</p>');
		expect(stemHtml('a < b 的说法对吗')).toBe('<p>a &lt; b 的说法对吗</p>');
		expect(stemHtml('**重点**：_____')).toBe('<p><strong>重点</strong>：<span class="blank">＿＿＿＿</span></p>');
		expect(stemHtml('<img src=x onerror=alert(1)>_____')).not.toMatch(/onerror=/);
	});
});
