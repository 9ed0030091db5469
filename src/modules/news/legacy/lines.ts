// Line-level rules shared by the text and HTML formats.

/** A piece of the page and the line of the file it came from (1-based). */
export interface Located {
  text: string;
  line: number;
}

/**
 * Trims and collapses every run of white space (tabs, no-break spaces, ideographic spaces) to one space.
 * Nothing else is changed: legacy text is kept as written, quirks such as `Jilin’ s` included.
 */
export function cleanLine(raw: string): string {
  return raw.replace(/\s+/gu, ' ').trim();
}

const BUTTON_WORDS = [
  'print this page',
  'close this window',
  'close window',
  'back to top',
  'print',
  'close',
  '打印本页',
  '打印此页',
  '打印页面',
  '打印',
  '关闭窗口',
  '关闭本页',
  '关闭',
  '返回顶部',
  '字体[:：]?\\s*大\\s*中\\s*小',
];
const BUTTON = `(?:${BUTTON_WORDS.join('|')})`;
const BUTTONS_LINE = new RegExp(
  `^(?:[\\s|｜/·]*[\\[【(（〔]?\\s*${BUTTON}\\s*[\\]】)）〕]?)+[\\s|｜/·]*$`,
  'iu',
);
const PRINT_OR_CLOSE = /print|close|打印|关闭/i;

/** `[Print] [Close]`, `【打印】【关闭】`, `[打印] [关闭]` and the like: portal controls, not article text. */
export function isButtonsLine(text: string): boolean {
  return BUTTONS_LINE.test(text) && PRINT_OR_CLOSE.test(text);
}

/** What is left of a line once its links were dropped: only brackets, bars and dots. */
export function isDecorationOnly(text: string): boolean {
  return /^[\s[\]【】()（）〔〕|｜/·•\-—]*$/u.test(text);
}
