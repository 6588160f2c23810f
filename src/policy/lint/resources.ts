/**
 * Checks of Resource ARNs: their fields, and whether they fit the actions of
 * the statement (an object action on a bucket ARN matches nothing).
 * ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * Resource types per action: the Service Authorization Reference.
 */
import { didYouMean, type Span } from '../../core/index.js';
import { expandAction, findAction, loadCatalog, type ActionInfo } from '../catalog/index.js';
import { compileGlob, hasWildcard } from '../wildcard.js';
import type { LintContext, LintStatement } from './context.js';
import { resources } from './statement-facts.js';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Services whose ARNs have no region (global resources). */
const GLOBAL_SERVICES = new Set(['iam', 's3', 'cloudfront', 'route53', 'organizations', 'waf', 'budgets', 'sts']);
/** S3 resources that do carry a region and an account (access points, jobs, Storage Lens, Access Grants, ...). */
const S3_REGIONAL = /^(accesspoint|job|storage-lens|storage-lens-group|access-grants|outpost|async-request|multi-region-access-point|accessgrants)/;

interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits a six-field ARN; undefined when the value is `*` or not an ARN (the parser reports those). */
function splitArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':') };
}

const dynamic = (field: string) => hasWildcard(field) || field.includes('${');

export function checkResources(ctx: LintContext): void {
  for (const s of ctx.statements) {
    for (const list of [s.node.resource, s.node.notResource]) {
      for (const v of list?.values ?? []) checkArnFields(ctx, v.value, v.span);
    }
    checkRedundantResources(ctx, s);
    checkActionsAgainstResources(ctx, s);
  }
}

function checkArnFields(ctx: LintContext, value: string, span: Span): void {
  const arn = splitArn(value);
  if (!arn) return;
  if (!dynamic(arn.partition) && !PARTITIONS.includes(arn.partition)) {
    ctx.report('InvalidArnPartition', span, `\`${arn.partition}\` is not an AWS partition`, 'use `aws` (or `aws-cn`, `aws-us-gov`); `*` matches every partition');
  }
  if (!dynamic(arn.service)) {
    const { arnServices, prefixes } = loadCatalog();
    if (!arnServices.has(arn.service) && !prefixes.includes(arn.service)) {
      const suggestion = didYouMean(arn.service, arnServices);
      ctx.report('InvalidArnService', span, `\`${arn.service}\` in \`${value}\` is not the service of any AWS resource`, suggestion ? `did you mean \`${suggestion}\`?` : 'the third field of an ARN names the service, such as `s3` or `dynamodb`');
    }
  }
  if (!dynamic(arn.region) && arn.region !== '' && !REGION.test(arn.region)) {
    ctx.report('InvalidArnRegion', span, `\`${arn.region}\` in \`${value}\` is not an AWS Region code`, 'write a Region code such as `us-east-1`, leave the field empty for global services, or use `*`');
  }
  // Accounts: 12 digits; `aws` marks AWS managed resources (arn:aws:iam::aws:policy/...).
  if (!dynamic(arn.account) && arn.account !== '' && arn.account !== 'aws' && !/^\d{12}$/.test(arn.account)) {
    ctx.report('InvalidArnAccount', span, `the account \`${arn.account}\` in \`${value}\` is not a 12-digit account ID`, 'AWS account IDs have exactly 12 digits, leading zeros included');
  }
  const s3Regional = arn.service === 's3' && S3_REGIONAL.test(arn.resource);
  if (GLOBAL_SERVICES.has(arn.service) && !s3Regional && arn.region !== '' && arn.region !== '*') {
    ctx.report('RegionInGlobalArn', span, `\`${arn.service}\` ARNs have no Region, but \`${value}\` names \`${arn.region}\``, `leave the Region field empty, as in \`arn:aws:${arn.service}::${arn.service === 's3' ? ':example-bucket' : '111122223333:role/example'}\``);
  }
  const bucket = arn.resource.split('/')[0]!;
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
  if (arn.service === 's3' && !s3Regional && !dynamic(bucket) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    ctx.report('InvalidBucketName', span, `\`${bucket}\` is not a valid S3 bucket name, so \`${value}\` matches no bucket`, 'bucket names have 3 to 63 lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit');
  }
  if (arn.service === 's3' && !s3Regional && arn.account !== '' && arn.account !== '*') {
    ctx.report('AccountInS3Arn', span, `an S3 bucket or object ARN has no account field, but \`${value}\` names \`${arn.account}\``, 'write `arn:aws:s3:::bucket-name` or `arn:aws:s3:::bucket-name/key`; restrict the owner with `aws:ResourceAccount`');
  }
}

function checkRedundantResources(ctx: LintContext, s: LintStatement): void {
  for (const list of [s.node.resource, s.node.notResource]) {
    const values = list?.values ?? [];
    const globs = values.filter((v) => hasWildcard(v.value) && !v.value.includes('${')).map((v) => ({ v, glob: compileGlob(v.value, { caseInsensitive: false }) }));
    for (const v of values) {
      const cover = globs.find((g) => g.v !== v && g.v.value !== v.value && g.glob.test(v.value));
      if (cover) ctx.report('RedundantResource', v.span, `\`${v.value}\` is already covered by \`${cover.v.value}\``, `remove \`${v.value}\``);
    }
  }
}

/**
 * Could the user's ARN (which may hold wildcards and variables) name a
 * resource of this type? Wildcards and variables are tried as one segment
 * and as several, since `*` crosses `/`.
 */
function mayMatch(value: string, type: ActionInfo['resourceTypes'][number]): boolean {
  const base = value.replace(/\$\{[^}]+\}/g, 'x').replace(/\?/g, 'x');
  if (!base.includes('*')) return type.matches(base);
  return type.matches(base.replace(/\*/g, 'x')) || type.matches(base.replace(/\*/g, 'x/x')) || type.matches(base.replace(/\*/g, 'x:x'));
}

/**
 * For every action of an Allow or Deny with literal ARNs: the action must
 * fit at least one of the resources, or that part of the statement never
 * applies. Only literal and expanded catalog actions are judged.
 */
function checkActionsAgainstResources(ctx: LintContext, s: LintStatement): void {
  const arns = resources(s).filter((r) => {
    const arn = splitArn(r.value);
    return arn !== undefined && !dynamic(arn.service) && r.value !== '*';
  });
  if (arns.length === 0 || arns.length !== resources(s).length) return;
  for (const a of s.node.action?.values ?? []) {
    if (a.value === '*' || /^[^:]*[*?][^:]*:/.test(a.value)) continue;
    const infos = hasWildcard(a.value) ? expandAction(a.value).map((n) => findAction(n)!) : [findAction(a.value)].filter((x): x is ActionInfo => x !== undefined);
    if (infos.length === 0) continue;
    const fits = (info: ActionInfo) => info.resourceTypes.some((t) => arns.some((r) => mayMatch(r.value, t)));
    if (infos.some(fits)) continue;
    const only = infos.every((i) => i.resourceTypes.length === 0);
    if (only) {
      ctx.report('ActionNeedsWildcardResource', a.span, `\`${a.value}\` supports only \`"Resource": "*"\`, so with these ARNs it never applies`, 'move it to a statement with `"Resource": "*"`');
      continue;
    }
    const info = infos[0]!;
    const bucketOnly = arns.every((r) => /^arn:[^:]*:s3:::[^/]+$/.test(r.value));
    const objectAction = info.service === 's3' && infos.every((i) => i.resourceTypes.length === 0 || i.resourceTypes.some((t) => t.name === 'object'));
    if (bucketOnly && objectAction) {
      ctx.report(
        'ObjectActionOnBucketArn',
        a.span,
        `\`${a.value}\` acts on objects, but the statement names only bucket ARNs, so it never applies`,
        `add the objects: \`${arns[0]!.value}/*\``,
      );
      continue;
    }
    const services = new Set(infos.flatMap((i) => i.resourceTypes.map((t) => t.arnService)));
    const arnServices = new Set(arns.map((r) => splitArn(r.value)!.service));
    if (![...arnServices].some((x) => services.has(x))) {
      ctx.report('ResourceServiceMismatch', a.span, `\`${a.value}\` acts on \`${[...services].join('`, `')}\` resources, but the statement's ARNs are \`${[...arnServices].join('`, `')}\` ARNs`, 'name resources of the action\'s service, or move the action to its own statement');
      continue;
    }
    const formats = [...new Set(infos.flatMap((i) => i.resourceTypes.map((t) => t.arnFormat)))].slice(0, 2);
    ctx.report('ActionMatchesNoResource', a.span, `no resource of the statement fits \`${a.value}\`, so it never applies`, `its resources look like \`${formats.join('` or `')}\``);
  }
}
