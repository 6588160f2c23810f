import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTopLevelMember } from './eval-line-scan.js';

const valueAt = (text: string, name: string) => {
  const span = findTopLevelMember(text, name);
  return span ? JSON.parse(text.slice(span.start, span.end)) : undefined;
};

describe('findTopLevelMember', () => {
  it('finds the text of a member whatever the other members hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), fc.boolean(), (others, policies, spaced) => {
        const { policies: _dropped, ...rest } = others;
        const object = { ...rest, policies };
        const text = spaced ? JSON.stringify(object, null, 2) : JSON.stringify(object);
        expect(valueAt(text, 'policies')).toEqual(JSON.parse(JSON.stringify(policies)));
      }),
      { numRuns: 300 },
    );
  });

  it('does not mistake a nested member or a string holding the name for the top-level member', () => {
    const text = '{"id": "\\"policies\\":", "request": {"policies": 1}, "policies": {"identity": []}}';
    expect(valueAt(text, 'policies')).toEqual({ identity: [] });
    expect(findTopLevelMember('{"request": {"policies": 1}}', 'policies')).toBeUndefined();
  });

  it('takes the last of duplicate members, as JSON.parse does', () => {
    expect(valueAt('{"policies": 1, "policies": [2]}', 'policies')).toEqual([2]);
  });

  it('gives up on text that is not a closed object', () => {
    for (const text of ['', '[1]', '{"policies": {"a": 1}', '{"policies" 1}', '{"policies": "open}', 'null']) {
      expect(findTopLevelMember(text, 'policies')).toBeUndefined();
    }
  });
});
