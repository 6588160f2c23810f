import { describe, expect, it } from 'vitest';
import { parseIpv4 } from './ip.js';
import { compileWithDiagnostics, matches } from './test-helpers.js';

describe('IpAddress and NotIpAddress (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress)', () => {
  const office = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } };
  const from = (ip: string) => ({ 'aws:SourceIp': ip });

  it('matches an IPv4 address inside a listed range', () => {
    expect(matches(office, from('203.0.113.200'))).toBe(true);
    expect(matches(office, from('203.0.114.1'))).toBe(false);
  });

  it('matches an IPv6 address inside a listed range, in any spelling', () => {
    expect(matches(office, from('2001:db8:1234:5678::1'))).toBe(true);
    expect(matches(office, from('2001:0db8:1234:5678:0000:0000:0000:0001'))).toBe(true);
    expect(matches(office, from('2001:db8:1234:5679::1'))).toBe(false);
  });

  it('reads a bare address as /32 or /128', () => {
    expect(matches({ IpAddress: { 'aws:SourceIp': '198.51.100.7' } }, from('198.51.100.7'))).toBe(true);
    expect(matches({ IpAddress: { 'aws:SourceIp': '198.51.100.7' } }, from('198.51.100.8'))).toBe(false);
    expect(matches({ IpAddress: { 'aws:SourceIp': '2001:db8::7' } }, from('2001:db8::7'))).toBe(true);
    expect(matches({ IpAddress: { 'aws:SourceIp': '2001:db8::7' } }, from('2001:db8::8'))).toBe(false);
  });

  it('handles prefixes that do not fall on a byte boundary, and /0', () => {
    expect(matches({ IpAddress: { 'aws:SourceIp': '10.0.0.0/9' } }, from('10.127.255.255'))).toBe(true);
    expect(matches({ IpAddress: { 'aws:SourceIp': '10.0.0.0/9' } }, from('10.128.0.0'))).toBe(false);
    expect(matches({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, from('8.8.8.8'))).toBe(true);
    expect(matches({ IpAddress: { 'aws:SourceIp': '2001:db8::/33' } }, from('2001:db8:7fff::1'))).toBe(true);
    expect(matches({ IpAddress: { 'aws:SourceIp': '2001:db8::/33' } }, from('2001:db8:8000::1'))).toBe(false);
  });

  it('matches an IPv4-mapped IPv6 request address against IPv4 ranges', () => {
    expect(matches(office, from('::ffff:203.0.113.9'))).toBe(true);
  });

  it('does not match an IPv4 address against an IPv6 range', () => {
    expect(matches({ IpAddress: { 'aws:SourceIp': '::/0' } }, from('203.0.113.9'))).toBe(false);
  });

  it('negates: NotIpAddress matches only addresses outside every range', () => {
    const block = { NotIpAddress: office.IpAddress };
    expect(matches(block, from('198.51.100.1'))).toBe(true);
    expect(matches(block, from('203.0.113.1'))).toBe(false);
  });

  // aws:SourceIp is absent for requests through a VPC endpoint.
  it('is false for an absent key, true for NotIpAddress, and true with IfExists', () => {
    expect(matches(office, {})).toBe(false);
    expect(matches({ NotIpAddress: office.IpAddress }, {})).toBe(true);
    expect(matches({ IpAddressIfExists: office.IpAddress }, {})).toBe(true);
    expect(matches({ IpAddressIfExists: office.IpAddress }, from('8.8.8.8'))).toBe(false);
  });

  it('does not match a request value that is not an IP address', () => {
    expect(matches(office, from('not-an-ip'))).toBe(false);
    expect(matches(office, from('203.0.113.300'))).toBe(false);
  });

  it('applies set operators to each request value', () => {
    const block = { 'ForAllValues:IpAddress': { 'x:hops': '10.0.0.0/8' } };
    expect(matches(block, { 'x:hops': ['10.1.1.1', '10.2.2.2'] })).toBe(true);
    expect(matches(block, { 'x:hops': ['10.1.1.1', '11.2.2.2'] })).toBe(false);
  });

  it('rejects malformed addresses and ranges', () => {
    const { diagnostics, compiled } = compileWithDiagnostics({
      IpAddress: { 'aws:SourceIp': ['10.0.0.0/33', '10.0.0', 'example.com', '2001:db8::/129', '10.0.0.0/', '${aws:x}'] },
    });
    expect(compiled).toBe(false);
    expect(diagnostics).toHaveLength(6);
    expect(diagnostics.every((d) => d.code === 'InvalidConditionValue')).toBe(true);
  });
});

describe('parseIpv4', () => {
  it('reads dotted quads and refuses anything looser', () => {
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('1.2.3')).toBeUndefined();
    expect(parseIpv4('1.2.3.4.5')).toBeUndefined();
    expect(parseIpv4('01.2.3.4')).toBeUndefined();
    expect(parseIpv4('1..3.4')).toBeUndefined();
    expect(parseIpv4('1.2.3.4 ')).toBeUndefined();
  });
});
