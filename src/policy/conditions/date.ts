/**
 * Date condition operators. "You must specify date/time values with one of
 * the W3C implementations of the ISO 8601 date formats or in epoch (UNIX)
 * time"; "Wildcards are not permitted"; no policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 *
 * Both sides become milliseconds since the epoch, so an epoch value in the
 * policy compares correctly with an ISO time in the request and back.
 */
import type { Located } from '../condition-ast.js';
import {
  orderingOperators,
  quote,
  valueText,
  variableHint,
  rememberLast,
  type CompiledValues,
  type OperatorFamily,
  type PolicyValue,
  type ValueProblem,
} from './family.js';

const { comparisons, operators } = orderingOperators('Date');

export const dateFamily: OperatorFamily = {
  operators,
  compile: compileDateValues,
};

/** Epoch seconds, optionally with a fraction. */
const EPOCH = /^\d+(?:\.\d+)?$/;
/**
 * The W3C profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime): YYYY-MM,
 * YYYY-MM-DD, then optionally Thh:mm, :ss and .s, then Z or +hh:mm. A bare
 * four-digit year is read as epoch seconds, since both spellings are digits.
 */
const ISO =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?$/;

/** Milliseconds since the epoch, or undefined when the text is not a date AWS accepts. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) return Number(text) * 1000;
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  const y = Number(year);
  const mo = Number(month);
  const d = day === undefined ? 1 : Number(day);
  const h = hour === undefined ? 0 : Number(hour);
  const mi = minute === undefined ? 0 : Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // A time without a zone is read as UTC, like the date-only forms.
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - zoneOffsetMs(zone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  return sign * (hours * 60 + minutes) * 60_000;
}

function compileDateValues(operator: string, values: readonly Located<PolicyValue>[]): CompiledValues {
  const compare = comparisons[operator]!;
  const dates: number[] = [];
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const text = valueText(located.value);
    const date = typeof located.value === 'boolean' ? undefined : parseDate(text);
    if (date === undefined) {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not a date, so \`${operator}\` cannot compare it`,
        help: `write an ISO 8601 time such as \`2026-01-31T12:00:00Z\`, a date such as \`2026-01-31\`, or epoch seconds such as \`1769860800\`${variableHint(text)}`,
      });
    } else {
      dates.push(date);
    }
  }
  const parseRequest = rememberLast(parseDate);
  return {
    problems,
    match(requestValue) {
      // A request value that is not a date matches nothing.
      const request = parseRequest(requestValue);
      if (request === undefined) return false;
      for (const policy of dates) {
        if (compare(request, policy)) return true;
      }
      return false;
    },
  };
}
