/**
 * Checks an item's `references` without the network: `pack validate` runs
 * offline and in CI, so "unreachable" means what can be told from the URL
 * itself. A reference is an error when it is not a URL or carries
 * credentials, and a warning when learners could not follow it from their
 * own machine (a local or private host) or it is not https.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { clip, type YamlChecker } from './yaml-check.js';

export function checkReferences(checker: YamlChecker, item: unknown): void {
  const list = valueOf(item, 'references');
  if (!isSeq(list)) return;
  for (const reference of list.items) {
    const node = valueOf(reference, 'url');
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const text = node.value;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      checker.error('InvalidReference', `reference \`${clip(text)}\` is not a valid URL`, node, { help: 'write the full address, starting with https://' });
      continue;
    }
    if (url.username || url.password) {
      checker.error('InvalidReference', `reference \`${clip(url.host)}\` has a user name or password in its URL`, node, { help: 'remove the credentials; references are public pages' });
      continue;
    }
    if (isLocalHost(url.hostname)) {
      checker.report('warning', 'UnreachableReference', `reference host \`${clip(url.hostname)}\` is local or private, so learners cannot open it`, node, { help: 'link to a public page' });
    } else if (url.protocol === 'http:') {
      checker.report('warning', 'InsecureReference', `reference \`${clip(text)}\` uses http`, node, { help: 'use the https address' });
    }
  }
}

/** localhost, single-label names, .local/.internal names and private or loopback IPv4 addresses. */
function isLocalHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name.endsWith('.internal')) return true;
  if (name.startsWith('[')) return name === '[::1]' || /^\[f[cd]/.test(name) || name.startsWith('[fe80');
  const ip = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(name);
  if (ip) {
    const [a, b] = [Number(ip[1]), Number(ip[2])];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return !name.includes('.');
}

function valueOf(node: unknown, name: string): unknown {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && p.key.value === name)?.value;
}
