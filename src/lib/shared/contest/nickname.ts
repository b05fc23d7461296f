/**
 * A guest's nickname goes up on the projector in a Party meeting, so it is checked before it is taken:
 * 1–12 characters after tidying, something readable (not only digits or symbols), no links or phone
 * numbers, nothing impersonating the host or the organisation, no abuse. Returns the tidied nickname or
 * why it was refused. The word list is short on purpose: it stops the obvious, the host removes the rest.
 */
export type NicknameCheck = { ok: true; nickname: string } | { ok: false; reason: 'empty' | 'long' | 'unreadable' | 'contact' | 'reserved' | 'rude' };

export const NICKNAME_MAX = 12;

const RESERVED = ['书记', '管理员', '主持人', '官方', '党委', '支部', '系统', 'admin', 'host'];
const RUDE = ['傻逼', '傻b', '煞笔', '操你', '草你', '你妈', '他妈', '妈的', '尼玛', '滚蛋', '去死', '垃圾', '废物', '贱', '屌', '婊', 'fuck', 'shit', 'bitch', 'dick'];

export function checkNickname(raw: string): NicknameCheck {
	const nickname = raw
		.normalize('NFKC')
		// Control, format (zero-width) and line characters: invisible tricks on a big screen.
		.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (!nickname) return { ok: false, reason: 'empty' };
	if ([...nickname].length > NICKNAME_MAX) return { ok: false, reason: 'long' };
	if (!/[\p{L}]/u.test(nickname)) return { ok: false, reason: 'unreadable' };
	const plain = nickname.toLowerCase().replace(/[\s._\-·*]/g, '');
	if (/https?|www|\.(com|cn|net)|\d{7,}|微信|qq/.test(plain) || /\d{7,}/.test(nickname.replace(/\D/g, ''))) return { ok: false, reason: 'contact' };
	if (RESERVED.some((w) => plain.includes(w))) return { ok: false, reason: 'reserved' };
	if (RUDE.some((w) => plain.includes(w))) return { ok: false, reason: 'rude' };
	return { ok: true, nickname };
}
