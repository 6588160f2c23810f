import { describe, expect, it } from 'vitest';
import { parseDate } from './date.js';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('Date operators (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date)', () => {
  const now = (t: string | number) => ({ 'aws:CurrentTime': t });

  it('compares ISO 8601 times', () => {
    const block = { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } };
    expect(matches(block, now('2026-05-31T23:59:59Z'))).toBe(true);
    expect(matches(block, now('2026-06-01T00:00:00Z'))).toBe(false);
  });

  it('compares an epoch value in the policy with an ISO time in the request, and back', () => {
    // 1780272000 is 2026-06-01T00:00:00Z.
    expect(matches({ DateLessThan: { 'aws:CurrentTime': 1780272000 } }, now('2026-05-31T12:00:00Z'))).toBe(true);
    expect(matches({ DateGreaterThanEquals: { 'aws:EpochTime': '2026-06-01T00:00:00Z' } }, { 'aws:EpochTime': 1780272000 })).toBe(true);
    expect(matches({ DateEquals: { 'aws:CurrentTime': '2026-06-01' } }, now('1780272000'))).toBe(true);
  });

  it('applies time zone offsets', () => {
    expect(matches({ DateEquals: { 'aws:CurrentTime': '2026-06-01T02:00:00+02:00' } }, now('2026-06-01T00:00:00Z'))).toBe(true);
  });

  it('covers each comparison in the right direction', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(matches({ DateLessThanEquals: { 'aws:CurrentTime': t } }, now(t))).toBe(true);
    expect(matches({ DateGreaterThan: { 'aws:CurrentTime': t } }, now('2026-01-01T00:00:01Z'))).toBe(true);
    expect(matches({ DateGreaterThan: { 'aws:CurrentTime': t } }, now(t))).toBe(false);
    expect(matches({ DateNotEquals: { 'aws:CurrentTime': t } }, now(t))).toBe(false);
    expect(matches({ DateNotEquals: { 'aws:CurrentTime': t } }, now('2026-01-02'))).toBe(true);
  });

  it('is false for an absent key, true for DateNotEquals, and true with IfExists', () => {
    expect(matches({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01' } }, {})).toBe(false);
    expect(matches({ DateNotEquals: { 'aws:TokenIssueTime': '2020-01-01' } }, {})).toBe(true);
    expect(matches({ DateGreaterThanIfExists: { 'aws:TokenIssueTime': '2020-01-01' } }, {})).toBe(true);
  });

  it('does not match a request value that is not a date', () => {
    expect(matches({ DateLessThan: { 'aws:CurrentTime': '2030-01-01' } }, now('yesterday'))).toBe(false);
  });

  it('applies set operators to each request value', () => {
    const block = { 'ForAllValues:DateLessThan': { 'x:times': '2030-01-01' } };
    expect(matches(block, { 'x:times': ['2020-01-01', '2021-01-01'] })).toBe(true);
    expect(matches(block, { 'x:times': ['2020-01-01', '2031-01-01'] })).toBe(false);
  });

  it('rejects malformed dates, impossible days and wildcards', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({
      DateLessThan: { 'aws:CurrentTime': ['2026-02-30', 'June 1st', '2026-*', '2026-01-01T25:00:00Z', true] },
    });
    expect(compiled).toBe(false);
    expect(diagnostics).toHaveLength(5);
    expect(diagnostics.every((d) => d.code === 'InvalidConditionValue')).toBe(true);
  });
});

describe('parseDate', () => {
  it('reads the W3C ISO 8601 profile and epoch seconds as milliseconds', () => {
    expect(parseDate('2026-06-01T00:00:00Z')).toBe(Date.UTC(2026, 5, 1));
    expect(parseDate('2026-06')).toBe(Date.UTC(2026, 5, 1));
    expect(parseDate('2026-06-01T00:00:00.250Z')).toBe(Date.UTC(2026, 5, 1) + 250);
    expect(parseDate('1780272000')).toBe(Date.UTC(2026, 5, 1));
    expect(parseDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate('2025-02-29')).toBeUndefined();
  });
});
