/**
 * Validation of an evaluation request and what the evaluator learns from
 * the principal's ARN: its kind, account, the role behind a session, and
 * the context keys AWS derives from it.
 */
import type { Diagnostic } from '../core/index.js';
import { createContext, emptyContext, type ContextLookup } from './context.js';
import type { ContextValue, EvalRequest } from './types.js';

/**
 * `identityProvider`: the caller of AssumeRoleWithSAML or
 * AssumeRoleWithWebIdentity, named in trust policies under `Federated`
 * (a SAML or OIDC provider ARN, or a web identity host such as `accounts.google.com`).
 */
export type PrincipalKindOfRequest = 'user' | 'role' | 'assumedRole' | 'federatedUser' | 'root' | 'service' | 'identityProvider';

/** Principals that are not IAM identities of an account: no identity-based policies, boundaries, sessions or SCPs. */
export function isOutsideIam(p: RequestPrincipal): boolean {
  return p.kind === 'service' || p.kind === 'identityProvider';
}

export interface RequestPrincipal {
  kind: PrincipalKindOfRequest;
  /** The principal as given. */
  arn: string;
  /** Undefined for service principals and identity providers. */
  account?: string;
  /** `account/roleName` for roles and role sessions: role names are unique in an account, whatever the path. */
  roleKey?: string;
  /** The role's ARN as AWS reports it in `aws:PrincipalArn` for a session. */
  roleArn?: string;
  /** IAM user name (without path), for `aws:username`. */
  userName?: string;
  /** A role under `/aws-service-role/`: SCPs and RCPs do not restrict it. */
  serviceLinked: boolean;
}

export interface ParsedRequest {
  principal: RequestPrincipal;
  /** Lower case: actions match case-insensitively. */
  actionLower: string;
  action: string;
  resource: string;
  resourceAccount: string | undefined;
  crossAccount: boolean;
  context: ContextLookup;
}

const IAM_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):(root|user\/(?:[^/]+\/)*([^/]+)|role\/((?:[^/]+\/)*)([^/]+))$/;
const STS_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):(assumed-role\/([^/]+)\/(.+)|federated-user\/(.+))$/;
const IDENTITY_PROVIDER = /^arn:aws[a-z-]*:iam::\d{12}:(saml-provider|oidc-provider)\/.+$/;
/** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-federated-web-identity */
const WEB_IDENTITY_HOSTS = new Set(['cognito-identity.amazonaws.com', 'accounts.google.com', 'graph.facebook.com', 'www.amazon.com']);
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/;
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Parses the principal of a request. Accepted: IAM user, role, account
 * root, assumed-role session, federated user session, service principal.
 */
export function parsePrincipal(arn: string): RequestPrincipal | undefined {
  // Requests repeat the same few principals; parsing each once keeps evaluation cheap.
  const cached = principalCache.get(arn);
  if (cached) return cached;
  const parsed = parsePrincipalUncached(arn);
  if (parsed) {
    if (principalCache.size >= CACHE_LIMIT) principalCache.clear();
    principalCache.set(arn, parsed);
  }
  return parsed;
}

const CACHE_LIMIT = 1000;
const principalCache = new Map<string, RequestPrincipal>();
const derivedCache = new Map<string, ContextLookup>();

function parsePrincipalUncached(arn: string): RequestPrincipal | undefined {
  const iam = IAM_ARN.exec(arn);
  if (iam) {
    const [, , account, rest, userName, rolePath, roleName] = iam;
    if (rest === 'root') return { kind: 'root', arn, account: account!, serviceLinked: false };
    if (userName !== undefined) return { kind: 'user', arn, account: account!, userName, serviceLinked: false };
    return {
      kind: 'role',
      arn,
      account: account!,
      roleKey: `${account}/${roleName}`,
      roleArn: arn,
      serviceLinked: (rolePath ?? '').startsWith('aws-service-role/'),
    };
  }
  const sts = STS_ARN.exec(arn);
  if (sts) {
    const [, partition, account, , roleName, , fedName] = sts;
    if (fedName !== undefined) return { kind: 'federatedUser', arn, account: account!, serviceLinked: false };
    // A session ARN drops the role's path; service-linked roles are recognised by their name prefix.
    return {
      kind: 'assumedRole',
      arn,
      account: account!,
      roleKey: `${account}/${roleName}`,
      roleArn: `arn:${partition}:iam::${account}:role/${roleName}`,
      serviceLinked: roleName!.startsWith('AWSServiceRoleFor'),
    };
  }
  if (IDENTITY_PROVIDER.test(arn) || WEB_IDENTITY_HOSTS.has(arn)) return { kind: 'identityProvider', arn, serviceLinked: false };
  if (SERVICE_PRINCIPAL.test(arn)) return { kind: 'service', arn, serviceLinked: false };
  return undefined;
}

function requestError(message: string, help?: string): Diagnostic {
  return { code: 'InvalidRequest', severity: 'error', message, file: 'request', line: 1, column: 1, endLine: 1, endColumn: 2, ...(help ? { help } : {}) };
}

/** Checks a request and prepares it for evaluation; every problem is reported. */
export function parseRequest(request: EvalRequest): { request?: ParsedRequest; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const req = (request ?? {}) as Partial<EvalRequest>;
  let principal: RequestPrincipal | undefined;
  if (typeof req.principal !== 'string' || req.principal === '') {
    errors.push(requestError('the request has no principal', 'give the ARN of a user, role, role session or account root, or a service principal such as `ec2.amazonaws.com`'));
  } else {
    principal = parsePrincipal(req.principal);
    if (!principal) {
      errors.push(
        requestError(
          `\`${req.principal}\` is not a principal the evaluator understands`,
          'use `arn:aws:iam::111122223333:user/alice`, `arn:aws:iam::111122223333:role/name`, `arn:aws:sts::111122223333:assumed-role/name/session`, `arn:aws:iam::111122223333:root`, `ec2.amazonaws.com` or a SAML/OIDC provider ARN',
        ),
      );
    }
  }
  if (typeof req.action !== 'string' || req.action === '') {
    errors.push(requestError('the request has no action', 'give one action such as `s3:GetObject`'));
  } else if (!ACTION.test(req.action)) {
    errors.push(requestError(`the request action \`${req.action}\` is not a single \`service:action\` name`, 'a request names one real action, without wildcards'));
  }
  if (typeof req.resource !== 'string' || req.resource === '') {
    errors.push(requestError('the request has no resource', 'give the resource ARN, or `*` for actions that take no resource'));
  }
  if (req.resourceAccount !== undefined && (typeof req.resourceAccount !== 'string' || !ACCOUNT_ID.test(req.resourceAccount))) {
    errors.push(requestError(`the resource account \`${String(req.resourceAccount)}\` is not a 12-digit account ID`));
  }
  if (req.context !== undefined && (req.context === null || typeof req.context !== 'object' || Array.isArray(req.context))) {
    errors.push(requestError('the request context must be an object of key names to values'));
  } else if (req.context) {
    for (const [key, value] of Object.entries(req.context)) {
      if (!isContextValue(value)) {
        errors.push(requestError(`the context key \`${key}\` has a value that is not a string, number, boolean or a list of them`));
      }
    }
  }
  if (errors.length > 0 || !principal) return { errors };
  const resourceAccount = req.resourceAccount ?? principal.account;
  return {
    errors,
    request: {
      principal,
      action: req.action!,
      actionLower: req.action!.toLowerCase(),
      resource: req.resource!,
      resourceAccount,
      crossAccount: principal.account !== undefined && resourceAccount !== undefined && resourceAccount !== principal.account,
      context: layeredContext(req.context ? createContext(req.context) : emptyContext, derivedContext(principal, resourceAccount)),
    },
  };
}

/** The caller's context first; the derived keys only where the caller gave none. */
class LayeredContext implements ContextLookup {
  constructor(
    private readonly given: ContextLookup,
    private readonly derived: ContextLookup,
  ) {}

  get(key: string): readonly string[] | undefined {
    return this.given.get(key) ?? this.derived.get(key);
  }
}

function layeredContext(given: ContextLookup, derived: ContextLookup): ContextLookup {
  return new LayeredContext(given, derived);
}

function isContextScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function isContextValue(value: unknown): value is ContextValue {
  return isContextScalar(value) || (Array.isArray(value) && value.every(isContextScalar));
}

/**
 * The context keys AWS derives from the principal; the caller's own values
 * take precedence (see layeredContext).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * - aws:PrincipalArn: for a role session, the ARN of the role, not of the session.
 * - aws:PrincipalType: Account (root), User, FederatedUser, AssumedRole.
 * - aws:username: IAM users only.
 * - aws:PrincipalIsAWSService / aws:PrincipalServiceName: service principals.
 * - aws:ResourceAccount: the account that owns the resource.
 */
function derivedContext(p: RequestPrincipal, resourceAccount: string | undefined): ContextLookup {
  const cacheKey = `${p.arn}|${resourceAccount ?? ''}`;
  const cached = derivedCache.get(cacheKey);
  if (cached) return cached;
  const derived: Record<string, ContextValue> = {};
  if (p.kind === 'service') {
    derived['aws:PrincipalIsAWSService'] = 'true';
    derived['aws:PrincipalServiceName'] = p.arn;
  } else if (p.kind === 'identityProvider') {
    derived['aws:PrincipalIsAWSService'] = 'false';
  } else {
    derived['aws:PrincipalIsAWSService'] = 'false';
    derived['aws:PrincipalArn'] = p.kind === 'assumedRole' ? p.roleArn! : p.arn;
    derived['aws:PrincipalAccount'] = p.account!;
    const type = { root: 'Account', user: 'User', federatedUser: 'FederatedUser', assumedRole: 'AssumedRole', role: undefined }[p.kind];
    if (type) derived['aws:PrincipalType'] = type;
    if (p.kind === 'user') derived['aws:username'] = p.userName!;
  }
  if (resourceAccount) derived['aws:ResourceAccount'] = resourceAccount;
  const context = createContext(derived);
  if (derivedCache.size >= CACHE_LIMIT) derivedCache.clear();
  derivedCache.set(cacheKey, context);
  return context;
}
