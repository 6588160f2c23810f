import { describe, expect, it } from 'vitest';
import { createContext } from './context.js';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html ("Key names are case-insensitive")
describe('createContext', () => {
  it('finds a key whatever the case of its name', () => {
    const context = createContext({ 'aws:SourceIp': '203.0.113.7' });
    expect(context.get('aws:sourceip')).toEqual(['203.0.113.7']);
    expect(context.get('AWS:SOURCEIP')).toEqual(['203.0.113.7']);
    expect(context.get('aws:SourceIp')).toEqual(['203.0.113.7']);
  });

  it('keeps the case of values', () => {
    expect(createContext({ 'aws:username': 'Alice' }).get('aws:username')).toEqual(['Alice']);
  });

  it('turns booleans and numbers into the strings AWS compares', () => {
    const context = createContext({ 'aws:SecureTransport': true, 'aws:MultiFactorAuthAge': 5, 'x:mixed': [1, false, 'y'] });
    expect(context.get('aws:SecureTransport')).toEqual(['true']);
    expect(context.get('aws:MultiFactorAuthAge')).toEqual(['5']);
    expect(context.get('x:mixed')).toEqual(['1', 'false', 'y']);
  });

  it('makes a single value a list of one and keeps lists as they are', () => {
    const context = createContext({ 'aws:TagKeys': ['a', 'b'], 'aws:username': 'bob' });
    expect(context.get('aws:TagKeys')).toEqual(['a', 'b']);
    expect(context.get('aws:username')).toEqual(['bob']);
  });

  it('tells an absent key from a present key with no values', () => {
    const context = createContext({ 'aws:TagKeys': [] });
    expect(context.get('aws:TagKeys')).toEqual([]);
    expect(context.get('aws:RequestTag/team')).toBeUndefined();
  });

  it('lets the later of two names that differ only in case win', () => {
    const context = createContext({ 'aws:username': 'first', 'AWS:USERNAME': 'second' });
    expect(context.get('aws:username')).toEqual(['second']);
  });

  it('lists the keys present', () => {
    expect(createContext({ 'aws:username': 'a', 'aws:TagKeys': [] }).keys().sort()).toEqual(['aws:tagkeys', 'aws:username']);
  });
});
