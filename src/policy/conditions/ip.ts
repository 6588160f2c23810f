/**
 * IP address condition operators. "The value must be in the standard CIDR
 * format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64). If you
 * specify an IP address without the associated routing prefix, IAM uses the
 * default prefix value of /32" (and /128 for IPv6). No policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 *
 * Ranges are parsed once. IPv4 request values are parsed by hand into one
 * 32-bit number so the common case allocates nothing; IPv6 goes through
 * ipaddr.js. An IPv4-mapped IPv6 address (::ffff:203.0.113.7) also matches
 * IPv4 ranges.
 */
import ipaddr from 'ipaddr.js';
import type { Located } from '../condition-ast.js';
import {
  quote,
  valueText,
  variableHint,
  rememberLast,
  type CompiledValues,
  type OperatorFamily,
  type PolicyValue,
  type ValueProblem,
} from './family.js';

export const ipFamily: OperatorFamily = {
  operators: {
    IpAddress: { negated: false },
    NotIpAddress: { negated: true },
  },
  compile: compileIpValues,
};

interface Ipv4Range {
  network: number;
  mask: number;
}

interface Ipv6Range {
  /** Eight 16-bit groups. */
  parts: number[];
  prefix: number;
}

export type IpRange = { kind: 4; range: Ipv4Range } | { kind: 6; range: Ipv6Range };

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or undefined. */
export function parseIpv4(text: string): number | undefined {
  let value = 0;
  let octets = 0;
  let digits = 0;
  let octet = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46; /* a final '.' closes the last octet */
    if (c === 46) {
      if (digits === 0 || octet > 255 || octets === 4) return undefined;
      value = value * 256 + octet;
      octets += 1;
      digits = 0;
      octet = 0;
    } else if (c >= 48 && c <= 57) {
      // No leading zeros: `010` is octal in some parsers and decimal in others.
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - 48);
      digits += 1;
      if (digits > 3) return undefined;
    } else {
      return undefined;
    }
  }
  return octets === 4 ? value : undefined;
}

function parseIpv6(text: string): number[] | undefined {
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  return ipaddr.IPv6.parse(text).parts;
}

function ipv4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** A policy CIDR (or bare address) as a range, or undefined when malformed. */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const v4 = parseIpv4(address);
  if (v4 !== undefined) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) return undefined;
    const mask = ipv4Mask(prefix);
    return { kind: 4, range: { network: (v4 & mask) >>> 0, mask } };
  }
  const v6 = parseIpv6(address);
  if (v6 !== undefined) {
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (prefix > 128) return undefined;
    return { kind: 6, range: { parts: v6, prefix } };
  }
  return undefined;
}

function ipv6InRange(parts: readonly number[], range: Ipv6Range): boolean {
  let bits = range.prefix;
  for (let i = 0; i < 8 && bits > 0; i++) {
    const take = Math.min(16, bits);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((parts[i]! & mask) !== (range.parts[i]! & mask)) return false;
    bits -= take;
  }
  return true;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if it is one. */
function mappedIpv4(parts: readonly number[]): number | undefined {
  for (let i = 0; i < 5; i++) if (parts[i] !== 0) return undefined;
  if (parts[5] !== 0xffff) return undefined;
  return (parts[6]! * 65536 + parts[7]!) >>> 0;
}

function compileIpValues(operator: string, values: readonly Located<PolicyValue>[]): CompiledValues {
  const v4: Ipv4Range[] = [];
  const v6: Ipv6Range[] = [];
  const problems: ValueProblem[] = [];
  for (const located of values) {
    const text = valueText(located.value);
    const range = typeof located.value === 'string' ? parseCidr(text) : undefined;
    if (range === undefined) {
      problems.push({
        span: located.span,
        message: `\`${quote(located.value)}\` is not an IP address or CIDR range, so \`${operator}\` cannot compare it`,
        help: `write an IPv4 or IPv6 address or range such as \`203.0.113.0/24\` or \`2001:db8::/32\`${variableHint(text)}`,
      });
    } else if (range.kind === 4) {
      v4.push(range.range);
    } else {
      v6.push(range.range);
    }
  }
  const inV4 = (address: number): boolean => {
    for (const range of v4) {
      if (((address & range.mask) >>> 0) === range.network) return true;
    }
    return false;
  };
  const parseRequestIpv6 = rememberLast(parseIpv6);
  return {
    problems,
    match(requestValue) {
      // A request value that is not an IP address matches nothing.
      const address = parseIpv4(requestValue);
      if (address !== undefined) return inV4(address);
      const parts = parseRequestIpv6(requestValue);
      if (parts === undefined) return false;
      for (const range of v6) {
        if (ipv6InRange(parts, range)) return true;
      }
      const mapped = mappedIpv4(parts);
      return mapped !== undefined && inV4(mapped);
    },
  };
}
