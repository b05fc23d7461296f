const FULL: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' };
const SHORT: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };

/** An instant as members read it, in Beijing time: "2026年11月28日 18:02". */
export const dateTime = (ms: number) => new Date(ms).toLocaleString('zh-CN', FULL);

/** The same without the year, for lists: "11/28 18:02". */
export const shortDateTime = (ms: number) => new Date(ms).toLocaleString('zh-CN', SHORT);
