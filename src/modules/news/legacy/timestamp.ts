// Publication times as legacy portals print them. A time without an offset is Beijing time (+08:00), the
// only time zone these portals use; an explicit offset (as in `<time datetime>`) is honoured.

const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const NUMERIC =
  /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?(\s*(?:Z|[+-]\d{2}:?\d{2}))?(?!\d)/i;
const CHINESE =
  /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;
/** Words portals put before the time on its line: `发布时间：`, `Date:` … */
const LABEL =
  /^(?:发布时间|发布日期|发文日期|成文日期|时间|日期|publication date|published|posted|release date|date|time)\s*[:：]?\s*/i;

export type TimestampResult = { ok: true; date: Date } | { ok: false; reason: string };

interface Fields {
  text: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function match(text: string): (Fields & { index: number }) | null {
  const n = NUMERIC.exec(text);
  const c = CHINESE.exec(text);
  const pick = n && (!c || n.index <= c.index) ? 'numeric' : c ? 'chinese' : null;
  if (pick === 'numeric' && n) {
    return {
      text: n[0].trim(),
      index: n.index,
      year: Number(n[1]),
      month: Number(n[3]),
      day: Number(n[4]),
      hour: Number(n[5] ?? 0),
      minute: Number(n[6] ?? 0),
      second: Number(n[7] ?? 0),
      offsetMinutes: offsetOf(n[8]),
    };
  }
  if (pick === 'chinese' && c) {
    return {
      text: c[0].trim(),
      index: c.index,
      year: Number(c[1]),
      month: Number(c[2]),
      day: Number(c[3]),
      hour: Number(c[4] ?? 0),
      minute: Number(c[5] ?? 0),
      second: Number(c[6] ?? 0),
      offsetMinutes: SHANGHAI_OFFSET_MINUTES,
    };
  }
  return null;
}

function offsetOf(raw: string | undefined): number {
  const text = raw?.trim();
  if (!text) return SHANGHAI_OFFSET_MINUTES;
  if (text.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return SHANGHAI_OFFSET_MINUTES;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDate(f: Fields): TimestampResult {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
    return { ok: false, reason: `"${f.text}" is not a date that exists` };
  }
  if (f.hour > 23 || f.minute > 59 || f.second > 59) {
    return { ok: false, reason: `"${f.text}" is not a valid time of day` };
  }
  const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - f.offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc) };
}

/**
 * The first date (with an optional time) anywhere in `text`: `2017-09-11 10:13:57`, `2017-09-11 10:13`,
 * `2017/09/11`, `2017年9月11日`, ISO 8601 with an offset. Null when the text holds nothing date-like;
 * an error when it does but the date or time does not exist (`2017-02-30`, `25:00`).
 */
export function findTimestamp(text: string): TimestampResult | null {
  const found = match(text);
  return found ? toDate(found) : null;
}

/** Like findTimestamp, but only when the line starts with the time (after a label such as `发布时间：`). */
export function leadingTimestamp(line: string): TimestampResult | null {
  const rest = line.replace(LABEL, '');
  const found = match(rest);
  return found && found.index === 0 ? toDate(found) : null;
}

/** Whether the whole line is a time (after an optional label): a title line holding only this is no title. */
export function isTimestampOnly(line: string): boolean {
  const rest = line.replace(LABEL, '').trim();
  const found = match(rest);
  return found !== null && found.index === 0 && found.text.length === rest.length;
}
