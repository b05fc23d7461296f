import { describe, expect, it } from 'vitest';
import { checkNickname } from './nickname';

const reason = (s: string) => {
	const r = checkNickname(s);
	return r.ok ? r.nickname : r.reason;
};

describe('guest nicknames', () => {
	it('takes ordinary names, tidied', () => {
		expect(reason('  小 王  ')).toBe('小 王');
		expect(reason('Ｌｉｕ　Ｙａｎｇ')).toBe('Liu Yang');
		expect(reason('老党员张师傅')).toBe('老党员张师傅');
		expect(reason('zhang\u200bwei')).toBe('zhangwei');
	});

	it('refuses empty, too long and unreadable names', () => {
		expect(reason('   ')).toBe('empty');
		expect(reason('\u200b\u200b')).toBe('empty');
		expect(reason('一二三四五六七八九十一二三')).toBe('long');
		expect(reason('123456')).toBe('unreadable');
		expect(reason('!!!???')).toBe('unreadable');
	});

	it('refuses links, phone numbers and contact handles', () => {
		expect(reason('加我1380000111')).toBe('contact');
		expect(reason('www.abc.com')).toBe('contact');
		expect(reason('加微信abc')).toBe('contact');
		expect(reason('号1380 000')).toBe('contact');
	});

	it('refuses impersonation and abuse, however spaced or cased', () => {
		expect(reason('李书记')).toBe('reserved');
		expect(reason('系统管理员')).toBe('reserved');
		expect(reason('ADMIN')).toBe('reserved');
		expect(reason('傻 逼')).toBe('rude');
		expect(reason('F.u.c.k')).toBe('rude');
	});
});
