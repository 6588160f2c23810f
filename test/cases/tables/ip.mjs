import { DOC, conditionCase, group } from '../lib.mjs';

const IP = 'aws:SourceIp';

/** IpAddress and NotIpAddress over IPv4 and IPv6 ranges. */
export function ipOperators() {
  const g = group('ip-operators', DOC.ip);
  const from = (ip) => ({ [IP]: ip });
  const corp = '203.0.113.0/24';

  // [effect, condition, context, expectation, why, doc?]
  const rows = [
    ['Allow', { IpAddress: { [IP]: corp } }, from('203.0.113.10'), 'allowed', 'IpAddress matches an address inside the CIDR range'],
    ['Allow', { IpAddress: { [IP]: corp } }, from('203.0.114.1'), 'implicitDeny', 'IpAddress does not match an address outside the range'],
    ['Allow', { IpAddress: { [IP]: corp } }, undefined, 'implicitDeny', 'IpAddress is false when aws:SourceIp is missing', DOC.operators],
    ['Allow', { IpAddress: { [IP]: corp } }, from('203.0.113.0'), 'allowed', 'the first address of the range is inside it'],
    ['Allow', { IpAddress: { [IP]: corp } }, from('203.0.113.255'), 'allowed', 'the last address of the range is inside it'],
    ['Allow', { IpAddress: { [IP]: '203.0.113.10/32' } }, from('203.0.113.10'), 'allowed', 'a /32 range matches its single address'],
    ['Allow', { IpAddress: { [IP]: '203.0.113.10/32' } }, from('203.0.113.11'), 'implicitDeny', 'a /32 range matches no neighbouring address'],
    ['Allow', { IpAddress: { [IP]: '10.1.0.0/16' } }, from('10.1.255.255'), 'allowed', 'a /16 range covers the whole second octet block'],
    ['Allow', { IpAddress: { [IP]: '10.1.0.0/16' } }, from('10.2.0.0'), 'implicitDeny', 'a /16 range stops at its boundary'],
    ['Allow', { IpAddress: { [IP]: [corp, '198.51.100.0/24'] } }, from('198.51.100.7'), 'allowed', 'several ranges are ORed', DOC.multiValues],
    ['Allow', { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } }, from('2001:db8:1234:5678::1'), 'allowed', 'IpAddress matches an IPv6 address inside an IPv6 range'],
    ['Allow', { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } }, from('2001:db8:1234:5679::1'), 'implicitDeny', 'IpAddress does not match an IPv6 address outside the /64'],
    ['Allow', { IpAddress: { [IP]: '2001:DB8:1234:5678::/64' } }, from('203.0.113.10'), 'implicitDeny', 'an IPv4 address is not inside an IPv6 range'],
    ['Allow', { IpAddress: { [IP]: [corp, '2001:DB8:1234:5678::/64'] } }, from('2001:db8:1234:5678:abcd::9'), 'allowed', 'a policy may list IPv4 and IPv6 ranges together'],
    ['Allow', { NotIpAddress: { [IP]: corp } }, from('198.51.100.7'), 'allowed', 'NotIpAddress is true for an address outside the range'],
    ['Allow', { NotIpAddress: { [IP]: corp } }, from('203.0.113.10'), 'implicitDeny', 'NotIpAddress is false for an address inside the range'],
    ['Allow', { NotIpAddress: { [IP]: corp } }, undefined, 'allowed', 'NotIpAddress, a negated operator, is true when the key is missing', DOC.operators],
    ['Allow', { NotIpAddress: { [IP]: [corp, '198.51.100.0/24'] } }, from('198.51.100.7'), 'implicitDeny', 'NotIpAddress with several ranges is false when any range contains the address', DOC.multiValues],
    ['Deny', { NotIpAddress: { [IP]: corp } }, from('198.51.100.7'), 'explicitDeny', 'a Deny outside the corporate range applies to an outside address'],
    ['Deny', { NotIpAddress: { [IP]: corp } }, from('203.0.113.10'), 'allowed', 'a Deny outside the corporate range does not apply to an inside address'],
    ['Deny', { NotIpAddress: { [IP]: corp } }, { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, 'explicitDeny', 'through a VPC endpoint aws:SourceIp is absent, so a Deny with NotIpAddress applies', DOC.globalKeys],
    ['Deny', { NotIpAddressIfExists: { [IP]: corp } }, undefined, 'explicitDeny', 'NotIpAddressIfExists is true when the key is missing, so the Deny still applies', DOC.ifExists],
    ['Allow', { IpAddressIfExists: { [IP]: corp } }, undefined, 'allowed', 'IpAddressIfExists is true when the key is missing', DOC.ifExists],
    ['Allow', { IpAddressIfExists: { [IP]: corp } }, from('198.51.100.7'), 'implicitDeny', 'IpAddressIfExists tests the address when the key is present'],
    ['Allow', { IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' } }, { 'aws:VpcSourceIp': '10.20.30.40' }, 'allowed', 'IpAddress works on aws:VpcSourceIp with private ranges', DOC.globalKeys],
    ['Allow', { IpAddress: { [IP]: '0.0.0.0/0' } }, from('192.0.2.44'), 'allowed', 'the range 0.0.0.0/0 contains every IPv4 address'],
    ['Allow', { IpAddress: { [IP]: '203.0.113.10' } }, from('203.0.113.10'), 'allowed', 'an address without a prefix length is taken as /32 and matches itself'],
    ['Allow', { IpAddress: { [IP]: '203.0.113.10' } }, from('203.0.113.11'), 'implicitDeny', 'an address without a prefix length is taken as /32 and matches no neighbour'],
  ];
  for (const [effect, condition, context, expect, why, doc] of rows) {
    g.add({ ...conditionCase(effect, condition, context), expect, why, doc });
  }
  return g;
}
