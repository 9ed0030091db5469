/**
 * Reporting periods of a partner-assistance programme: a month ('2018-03') or a quarter ('2018-Q1').
 * Dates are calendar days written 'YYYY-MM-DD' (Beijing dates, as the caller reads them); arithmetic is on
 * whole days, so no time zone enters here.
 */

export type PeriodKind = 'month' | 'quarter';

export interface Period {
  /** The period as written: '2018-03' or '2018-Q1'. */
  id: string;
  kind: PeriodKind;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The day number (days since 1970-01-01) of a 'YYYY-MM-DD' date; throws a RangeError on anything else. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    // Date.UTC rolls 2018-02-30 over into March: a round trip catches impossible days.
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The 'YYYY-MM-DD' date of a day number. */
export function dateOfDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Whether the value is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period a string names, or null when it is neither 'YYYY-MM' nor 'YYYY-Qn'. */
export function parsePeriod(value: string): Period | null {
  const month = MONTH.exec(value);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return {
      id: value,
      kind: 'month',
      start: `${month[1]}-${month[2]}-01`,
      end: `${month[1]}-${month[2]}-${pad(lastDayOfMonth(y, m), 2)}`,
    };
  }
  const quarter = QUARTER.exec(value);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return {
      id: value,
      kind: 'quarter',
      start: `${quarter[1]}-${pad(first, 2)}-01`,
      end: `${quarter[1]}-${pad(last, 2)}-${pad(lastDayOfMonth(y, last), 2)}`,
    };
  }
  return null;
}

/** Like `parsePeriod`, but throws a RangeError naming the bad value. */
export function period(value: string): Period {
  const p = parsePeriod(value);
  if (!p) throw new RangeError(`not a period ('2018-03' or '2018-Q1'): ${JSON.stringify(value)}`);
  return p;
}

/** Whether two periods share at least one day ('2018-02' overlaps '2018-Q1'; a period overlaps itself). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/**
 * Whether a period belongs to a programme running from `start` to `deadline` (both inclusive): it shares
 * at least one day with them. A programme that starts mid-quarter still reports that first quarter, so a
 * period only partly inside is accepted; one wholly before the start or after the deadline is not.
 */
export function periodInProgramme(p: Period, start: string, deadline: string): boolean {
  return p.end >= start && p.start <= deadline;
}

/** The period of `kind` that contains the day. */
export function periodContaining(date: string, kind: PeriodKind): Period {
  dayNumber(date);
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return period(kind === 'month' ? date.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`);
}

export type PeriodProblem =
  | { index: number; code: 'invalid'; value: string }
  | { index: number; code: 'wrong_kind'; value: string; expected: PeriodKind }
  | { index: number; code: 'outside'; value: string }
  | { index: number; code: 'overlap'; value: string; other: number };

/**
 * What is wrong with a list of periods (per-period targets, or one indicator's reports): strings that are
 * no period, periods of another kind than `kind`, periods outside the programme, and periods that overlap
 * an earlier one in the list (`other` is that one's index). An empty list means all is well.
 */
export function periodProblems(
  values: readonly string[],
  programme: { start: string; deadline: string; kind?: PeriodKind },
): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const seen: { index: number; p: Period }[] = [];
  for (const [index, value] of values.entries()) {
    const p = parsePeriod(value);
    if (!p) problems.push({ index, code: 'invalid', value });
    else if (programme.kind && p.kind !== programme.kind) {
      problems.push({ index, code: 'wrong_kind', value, expected: programme.kind });
    } else if (!periodInProgramme(p, programme.start, programme.deadline)) {
      problems.push({ index, code: 'outside', value });
    } else {
      const clash = seen.find((s) => periodsOverlap(s.p, p));
      if (clash) problems.push({ index, code: 'overlap', value, other: clash.index });
      else seen.push({ index, p });
    }
  }
  return problems;
}
