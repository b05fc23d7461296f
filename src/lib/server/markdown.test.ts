import { describe, expect, it } from 'vitest';
import { renderMarkdown, stemHtml } from './markdown';
import { PAYLOADS, runsNothing } from './xss-payloads';


describe('Markdown, sanitised', () => {
	it('renders what people type: bold, lists, links that open safely', () => {
		expect(renderMarkdown('**党章**规定：\n\n1. 甲\n2. 乙')).toBe('<p><strong>党章</strong>规定：</p>\n<ol>\n<li>甲</li>\n<li>乙</li>\n</ol>');
		expect(renderMarkdown('# 标题\n## 小标题')).toBe('<h2>标题</h2>\n<h2>小标题</h2>');
		expect(renderMarkdown('[学习强国](https://www.xuexi.cn)')).toBe('<p><a href="https://www.xuexi.cn" rel="noopener noreferrer" target="_blank">学习强国</a></p>');
	});

	for (const payload of PAYLOADS) {
		it(`leaves nothing that runs: ${payload.slice(0, 40)}`, () => {
			runsNothing(renderMarkdown(payload));
		});
	}

	it('draws 填空 blanks and escapes plain stems', () => {
		expect(stemHtml('_____是党的基础组织。')).toBe('<p><span class="blank">＿＿＿＿</span>是党的基础组织。</p>');
		expect(stemHtml('a < b 的说法对吗')).toBe('<p>a &lt; b 的说法对吗</p>');
		expect(stemHtml('**重点**：_____')).toBe('<p><strong>重点</strong>：<span class="blank">＿＿＿＿</span></p>');
		expect(stemHtml('<img src=x onerror=alert(1)>_____')).not.toMatch(/onerror=/);
	});
});
