/**
 * Checks of Action and NotAction against the catalog: unknown services and
 * actions with a did-you-mean, wildcards that match nothing, spelling,
 * redundancy, and whole-service grants.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { didYouMean } from '../../core/index.js';
import { expandAction, findAction, findService, loadCatalog } from '../catalog/index.js';
import { compileGlob, hasWildcard } from '../wildcard.js';
import type { LintContext, LintStatement } from './context.js';
import { isAllow } from './statement-facts.js';

export function checkActions(ctx: LintContext): void {
  for (const s of ctx.statements) {
    for (const list of [s.node.action, s.node.notAction]) {
      for (const v of list?.values ?? []) checkOne(ctx, v.value, v.span);
    }
    checkRedundant(ctx, s);
    checkFullService(ctx, s);
  }
}

const WELL_FORMED = /^([A-Za-z0-9*?-]+):([A-Za-z0-9*?_-]+)$/;

function checkOne(ctx: LintContext, value: string, span: Parameters<LintContext['report']>[1]): void {
  const m = WELL_FORMED.exec(value);
  // `*` and malformed actions: the parser has its say on the latter.
  if (!m) return;
  const [, prefix, name] = m as unknown as [string, string, string];
  if (hasWildcard(prefix)) {
    if (expandAction(value).length === 0) {
      ctx.report('ActionMatchesNothing', span, `the action pattern \`${value}\` matches no AWS action`, 'check the spelling of the service prefix and the action');
    }
    return;
  }
  const service = findService(prefix);
  if (!service) {
    const suggestion = didYouMean(prefix, loadCatalog().prefixes);
    ctx.report('UnknownService', span, `\`${prefix}\` is not an AWS service prefix`, suggestion ? `did you mean \`${suggestion}:${name}\`?` : 'find the prefix in the Service Authorization Reference');
    return;
  }
  if (hasWildcard(name)) {
    if (expandAction(value).length === 0) {
      ctx.report('ActionMatchesNothing', span, `the action pattern \`${value}\` matches no action of \`${prefix}\``, `list the actions of ${service.name} in the Service Authorization Reference and fix the pattern`);
    }
    return;
  }
  const action = findAction(value);
  if (!action) {
    const names = [...service.actions.values()].map((a) => a.name.slice(a.name.indexOf(':') + 1));
    const suggestion = didYouMean(name, names);
    ctx.report('UnknownAction', span, `\`${value}\` is not an action of ${service.name}`, suggestion ? `did you mean \`${service.prefix}:${suggestion}\`?` : `see the actions of \`${service.prefix}\` in the Service Authorization Reference`);
    return;
  }
  if (action.name !== value) {
    // Actions match case-insensitively, so this is only about reading well.
    ctx.report('ActionCase', span, `\`${value}\` is spelled \`${action.name}\` in AWS's documentation`, `write \`${action.name}\``);
  }
}

/** An action already granted by a wildcard of the same list adds nothing. */
function checkRedundant(ctx: LintContext, s: LintStatement): void {
  for (const list of [s.node.action, s.node.notAction]) {
    const values = list?.values ?? [];
    const globs = values.filter((v) => hasWildcard(v.value)).map((v) => ({ v, glob: compileGlob(v.value.toLowerCase(), { caseInsensitive: false }) }));
    for (const v of values) {
      const lower = v.value.toLowerCase();
      const cover = globs.find((g) => g.v !== v && g.v.value.toLowerCase() !== lower && g.glob.test(lower));
      // An action that does not exist is reported as such; calling it redundant would mislead.
      if (cover && !hasWildcard(v.value) && !findAction(v.value)) continue;
      if (cover) ctx.report('RedundantAction', v.span, `\`${v.value}\` is already covered by \`${cover.v.value}\``, `remove \`${v.value}\``);
    }
  }
}

/** `service:*` in an Allow grants every present and future action of the service. */
function checkFullService(ctx: LintContext, s: LintStatement): void {
  if (!isAllow(s)) return;
  for (const v of s.node.action?.values ?? []) {
    const m = /^([A-Za-z0-9-]+):\*$/.exec(v.value);
    if (m && findService(m[1]!)) {
      ctx.report('FullServiceAccess', v.span, `\`${v.value}\` allows every action of the service, including ones added later`, 'list the actions the principal needs (least privilege)');
    }
  }
}
