/**
 * JSON text (or an object) -> PolicyDocument, with structural validation.
 * Every problem is collected and returned as a Diagnostic with the span of
 * the offending text; nothing is thrown for bad input.
 *
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * Elements: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { LineIndex, didYouMean, type Diagnostic, type Severity, type Span } from '../core/index.js';
import type { PolicyDocument, PolicyVersion, PrincipalEntry, PrincipalKind, PrincipalNode, StatementNode, StringListNode } from './ast.js';
import type { ConditionEntryNode, ConditionNode, ConditionOperatorNode, Located } from './condition-ast.js';
import { jsonTypeName, parseJson, type JsonArray, type JsonMember, type JsonNode, type JsonObject } from './json.js';
import type { PolicyInput, PolicySource, PolicyType } from './types.js';

export interface ParseResult {
  policy?: PolicyDocument;
  diagnostics: Diagnostic[];
}

const TOP_LEVEL_KEYS = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17'];

/** How each policy type is named in messages. */
export const POLICY_TYPE_NAMES: Record<PolicyType, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  scp: 'service control policy',
  rcp: 'resource control policy',
  session: 'session policy',
};

/**
 * The text to parse for a policy given either way. Objects are printed with
 * two-space indentation so that diagnostics still have lines and columns.
 */
export function policyInputToSource(input: PolicyInput, file: string): PolicySource {
  if (typeof input === 'string') return { text: input, file };
  return { text: JSON.stringify(input, null, 2) ?? 'null', file };
}

/** Parses and structurally validates one policy of the given type (identity by default). */
/**
 * The largest text read as a policy. AWS's own limits are far smaller (6,144
 * characters for a managed policy, 20 KB for an S3 bucket policy, 32 KB for a
 * KMS key policy:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html);
 * this bound only keeps a huge or hostile file from exhausting memory.
 */
export const MAX_POLICY_CHARACTERS = 1_000_000;

export function parsePolicy(source: PolicySource | string, type: PolicyType = 'identity'): ParseResult {
  const src: PolicySource = typeof source === 'string' ? { text: source, file: 'policy' } : source;
  const out = new Reporter(src);
  if (src.text.length > MAX_POLICY_CHARACTERS) {
    out.report('error', 'PolicyTooLarge', `the policy is ${src.text.length.toLocaleString('en-US')} characters long, far beyond any policy AWS accepts`, out.point(0), `AWS policies are at most tens of kilobytes (managed policies 6,144 characters, key policies 32 KB); iamprep reads up to ${MAX_POLICY_CHARACTERS.toLocaleString('en-US')}`);
    return { diagnostics: out.diagnostics };
  }
  const parsed = parseJson(src.text);
  if (!parsed.value) {
    const e = parsed.error!;
    out.report('error', 'InvalidJson', `invalid JSON: ${e.message}`, out.point(e.offset), e.help);
    return { diagnostics: out.diagnostics };
  }
  reportDuplicateKeys(parsed.value, out);
  const root = parsed.value;
  if (root.kind !== 'object') {
    out.report('error', 'InvalidPolicy', `a policy must be a JSON object, not ${jsonTypeName(root)}`, out.span(root), 'write `{"Version": "2012-10-17", "Statement": [ ... ]}`');
    return { diagnostics: out.diagnostics };
  }
  const policy = new DocumentReader(out, type).read(root);
  return { policy, diagnostics: out.diagnostics };
}

class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly index: LineIndex;
  private readonly lineOffset: number;
  private readonly columnOffset: number;

  constructor(readonly source: PolicySource) {
    this.index = new LineIndex(source.text);
    this.lineOffset = source.lineOffset ?? 0;
    this.columnOffset = source.columnOffset ?? 0;
  }

  range(start: number, end: number): Span {
    const s = this.index.span(start, end);
    return {
      line: s.line + this.lineOffset,
      column: s.column + this.columnOffset,
      endLine: s.endLine + this.lineOffset,
      endColumn: s.endColumn + this.columnOffset,
    };
  }

  span(node: { start: number; end: number }): Span {
    return this.range(node.start, node.end);
  }

  /** A one-character span, for problems such as a missing element. */
  point(offset: number): Span {
    return this.range(offset, offset + 1);
  }

  keySpan(member: JsonMember): Span {
    return this.range(member.keyStart, member.keyEnd);
  }

  report(severity: Severity, code: string, message: string, span: Span, help?: string, related?: Diagnostic['related']): void {
    this.diagnostics.push({ code, severity, message, file: this.source.file, ...span, ...(help ? { help } : {}), ...(related ? { related } : {}) });
  }
}

/**
 * A repeated key is an error. What AWS does with one is undocumented, and
 * JSON.parse silently keeps the last, so half of what the author wrote
 * would vanish (a second `Condition` can widen a Deny); the only safe
 * answer is to refuse the policy.
 */
function reportDuplicateKeys(node: JsonNode, out: Reporter): void {
  if (node.kind === 'array') {
    for (const item of node.items) reportDuplicateKeys(item, out);
    return;
  }
  if (node.kind !== 'object') return;
  const seen = new Map<string, JsonMember>();
  for (const m of node.members) {
    const first = seen.get(m.key);
    if (first) {
      const at = out.keySpan(first);
      out.report('error', 'DuplicateKey', `duplicate key \`${m.key}\``, out.keySpan(m), 'merge the two entries into one', [
        { file: out.source.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, message: 'first defined here' },
      ]);
    } else {
      seen.set(m.key, m);
    }
    reportDuplicateKeys(m.value, out);
  }
}

/** Reports a key outside `known`, suggesting the intended one. */
function checkKnownKey(member: JsonMember, known: readonly string[], where: string, out: Reporter): boolean {
  if (known.includes(member.key)) return true;
  const suggestion = didYouMean(member.key, known);
  out.report(
    'error',
    'UnknownElement',
    `unknown element \`${member.key}\` in ${where}`,
    out.keySpan(member),
    suggestion ? `did you mean \`${suggestion}\`?` : `the elements allowed here are ${known.map((k) => `\`${k}\``).join(', ')}`,
  );
  return false;
}

class DocumentReader {
  constructor(
    private readonly out: Reporter,
    private readonly type: PolicyType,
  ) {}

  read(root: JsonObject): PolicyDocument {
    const out = this.out;
    let version: Located<string> | undefined;
    let id: Located<string> | undefined;
    let statements: StatementNode[] = [];
    let sawStatement = false;
    for (const m of root.members) {
      if (!checkKnownKey(m, TOP_LEVEL_KEYS, 'the policy', out)) continue;
      if (m.key === 'Version') {
        if (m.value.kind !== 'string') {
          out.report('error', 'InvalidVersion', `\`Version\` must be a string, not ${jsonTypeName(m.value)}`, out.span(m.value), 'use `"2012-10-17"`');
        } else {
          version = { value: m.value.value, span: out.span(m.value) };
          if (!(VERSIONS as readonly string[]).includes(m.value.value)) {
            out.report('error', 'InvalidVersion', `unknown policy language version \`${m.value.value}\``, out.span(m.value), 'use `"2012-10-17"`, the current version');
          }
        }
      } else if (m.key === 'Id') {
        if (m.value.kind !== 'string') out.report('error', 'InvalidId', `\`Id\` must be a string, not ${jsonTypeName(m.value)}`, out.span(m.value));
        else id = { value: m.value.value, span: out.span(m.value) };
      } else {
        sawStatement = true;
        statements = this.statements(m.value);
      }
    }
    if (!sawStatement) {
      out.report('error', 'MissingStatement', 'the policy has no `Statement` element', out.point(root.start), 'add `"Statement": [ ... ]` with at least one statement');
    }
    if (!version) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
      out.report(
        'warning',
        'MissingVersion',
        'the policy has no `Version`, so AWS reads it as `2008-10-17`, where policy variables are literal text',
        out.point(root.start),
        'add `"Version": "2012-10-17"`',
      );
    }
    this.checkDuplicateSids(statements);
    const effectiveVersion: PolicyVersion = version?.value === '2012-10-17' ? '2012-10-17' : '2008-10-17';
    return {
      file: out.source.file,
      type: this.type,
      span: out.span(root),
      ...(version ? { version } : {}),
      effectiveVersion,
      ...(id ? { id } : {}),
      statements,
    };
  }

  private statements(node: JsonNode): StatementNode[] {
    const out = this.out;
    if (node.kind === 'object') return [this.statement(node, 0)];
    if (node.kind !== 'array') {
      out.report('error', 'InvalidStatement', `\`Statement\` must be an object or an array of objects, not ${jsonTypeName(node)}`, out.span(node));
      return [];
    }
    if (node.items.length === 0) {
      out.report('warning', 'EmptyStatement', 'the policy has no statements, so it allows and denies nothing', out.span(node));
    }
    const result: StatementNode[] = [];
    node.items.forEach((item, index) => {
      if (item.kind !== 'object') {
        out.report('error', 'InvalidStatement', `a statement must be an object, not ${jsonTypeName(item)}`, out.span(item));
        return;
      }
      result.push(this.statement(item, index));
    });
    return result;
  }

  private statement(node: JsonObject, index: number): StatementNode {
    const out = this.out;
    const statement: StatementNode = { index, span: out.span(node) };
    const present = new Map<string, JsonMember>();
    for (const m of node.members) {
      if (!checkKnownKey(m, STATEMENT_KEYS, 'a statement', out)) continue;
      present.set(m.key, m);
      switch (m.key) {
        case 'Sid':
          if (m.value.kind !== 'string') out.report('error', 'InvalidSid', `\`Sid\` must be a string, not ${jsonTypeName(m.value)}`, out.span(m.value));
          else statement.sid = { value: m.value.value, span: out.span(m.value) };
          break;
        case 'Effect':
          this.effect(m.value, statement);
          break;
        case 'Principal':
          statement.principal = this.principal(m.value, 'Principal');
          break;
        case 'NotPrincipal':
          statement.notPrincipal = this.principal(m.value, 'NotPrincipal');
          break;
        case 'Action':
          statement.action = this.stringList(m.value, 'Action', checkAction);
          break;
        case 'NotAction':
          statement.notAction = this.stringList(m.value, 'NotAction', checkAction);
          break;
        case 'Resource':
          statement.resource = this.stringList(m.value, 'Resource', checkResource);
          break;
        case 'NotResource':
          statement.notResource = this.stringList(m.value, 'NotResource', checkResource);
          break;
        case 'Condition':
          statement.condition = this.condition(m.value);
          break;
      }
    }
    this.checkStatementShape(node, statement, present);
    return statement;
  }

  private effect(value: JsonNode, statement: StatementNode): void {
    const out = this.out;
    if (value.kind !== 'string') {
      out.report('error', 'InvalidEffect', `\`Effect\` must be \`"Allow"\` or \`"Deny"\`, not ${jsonTypeName(value)}`, out.span(value));
      return;
    }
    if (value.value === 'Allow' || value.value === 'Deny') {
      statement.effect = { value: value.value, span: out.span(value) };
      return;
    }
    const suggestion = didYouMean(value.value, ['Allow', 'Deny']);
    out.report('error', 'InvalidEffect', `\`Effect\` must be \`Allow\` or \`Deny\`, not \`${value.value}\``, out.span(value), suggestion ? `did you mean \`${suggestion}\`?` : undefined);
  }

  /** Rules that need the whole statement: required and exclusive elements, and the per-policy-type rules. */
  private checkStatementShape(node: JsonObject, s: StatementNode, present: Map<string, JsonMember>): void {
    const out = this.out;
    const open = out.point(node.start);
    const typeName = POLICY_TYPE_NAMES[this.type];
    if (!present.has('Effect')) {
      out.report('error', 'MissingEffect', 'the statement has no `Effect`', open, 'add `"Effect": "Allow"` or `"Effect": "Deny"`');
    }
    pairRule(present, 'Action', 'NotAction', open, out, true);
    pairRule(present, 'Principal', 'NotPrincipal', open, out, false);
    const resourceRequired = this.type !== 'resource';
    pairRule(present, 'Resource', 'NotResource', open, out, resourceRequired);

    const principalMember = present.get('Principal') ?? present.get('NotPrincipal');
    if (this.type === 'identity' || this.type === 'boundary' || this.type === 'session' || this.type === 'scp') {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
      // Identity-side policies apply to the principal they are attached to, so they name none.
      if (principalMember) {
        out.report('error', 'PrincipalNotAllowed', `\`${principalMember.key}\` is not allowed in ${/^[aeiou]/.test(typeName) ? 'an' : 'a'} ${typeName}`, out.keySpan(principalMember), 'remove it: this policy applies to the principal it is attached to');
      }
    } else if (this.type === 'resource') {
      // Resource-based policies must name who they apply to.
      if (!principalMember) {
        out.report('error', 'MissingPrincipal', 'the statement of a resource-based policy has no `Principal`', open, 'add `"Principal": {"AWS": "arn:aws:iam::111122223333:root"}` or the principal to grant');
      }
    } else if (this.type === 'rcp') {
      // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
      // Allow is reserved for RCPFullAWSAccess; Principal must be "*"; NotPrincipal is not supported.
      if (s.effect?.value === 'Allow') {
        out.report('error', 'RcpAllowNotSupported', 'a resource control policy can only `Deny`', s.effect.span, '`RCPFullAWSAccess` already allows everything; write restrictions as `Deny` statements');
      }
      const np = present.get('NotPrincipal');
      if (np) out.report('error', 'NotPrincipalNotAllowed', '`NotPrincipal` is not supported in a resource control policy', out.keySpan(np), 'use `"Principal": "*"` with a condition on `aws:PrincipalArn`');
      if (!present.has('Principal') && !np) {
        out.report('error', 'MissingPrincipal', 'the statement of a resource control policy has no `Principal`', open, 'add `"Principal": "*"`');
      } else if (s.principal && !isEveryone(s.principal)) {
        out.report('error', 'InvalidPrincipal', 'the `Principal` of a resource control policy must be `"*"`', s.principal.span, 'narrow the statement with a condition on `aws:PrincipalArn` instead');
      }
    }
    if (s.notPrincipal && s.effect?.value === 'Allow') {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
      out.report('security', 'AllowWithNotPrincipal', '`Allow` with `NotPrincipal` grants access to every principal not listed, even anonymous users', s.notPrincipal.span, 'name the principals to allow in `Principal` instead');
    }
  }

  private checkDuplicateSids(statements: StatementNode[]): void {
    const seen = new Set<string>();
    for (const s of statements) {
      if (!s.sid || s.sid.value === '') continue;
      if (seen.has(s.sid.value)) {
        // IAM rejects such a policy: "Statement IDs (SID) in a single policy must be unique"
        // (MalformedPolicyDocument). Other services' resource policies vary, so there it is a warning.
        const severity = this.type === 'identity' || this.type === 'boundary' ? 'error' : 'warning';
        this.out.report(severity, 'DuplicateSid', `the \`Sid\` \`${s.sid.value}\` is used by more than one statement`, s.sid.span, 'give each statement its own Sid so that reports can name it');
      }
      seen.add(s.sid.value);
    }
  }

  private stringList(node: JsonNode, element: string, check: (value: string) => { message: string; help?: string } | undefined): StringListNode | undefined {
    const out = this.out;
    const items: JsonNode[] = node.kind === 'array' ? node.items : [node];
    if (node.kind !== 'array' && node.kind !== 'string') {
      out.report('error', 'InvalidElementType', `\`${element}\` must be a string or an array of strings, not ${jsonTypeName(node)}`, out.span(node));
      return undefined;
    }
    if (node.kind === 'array' && node.items.length === 0) {
      out.report('warning', 'EmptyArray', `\`${element}\` is an empty array, so the statement matches nothing`, out.span(node));
    }
    const values: Located<string>[] = [];
    for (const item of items) {
      if (item.kind !== 'string') {
        out.report('error', 'InvalidElementType', `each value of \`${element}\` must be a string, not ${jsonTypeName(item)}`, out.span(item));
        continue;
      }
      const problem = check(item.value);
      if (problem) out.report('error', `Invalid${element.replace('Not', '')}`, problem.message, out.span(item), problem.help);
      values.push({ value: item.value, span: out.span(item) });
    }
    return { span: out.span(node), values };
  }

  private principal(node: JsonNode, element: 'Principal' | 'NotPrincipal'): PrincipalNode | undefined {
    const out = this.out;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    if (node.kind === 'string') {
      if (node.value === '*') return { span: out.span(node), wildcard: true, entries: [] };
      out.report('error', 'InvalidPrincipal', `\`${element}\` must be \`"*"\` or an object such as \`{"AWS": "..."}\`, not the string \`${node.value}\``, out.span(node), `write \`{"AWS": "${node.value}"}\``);
      return undefined;
    }
    if (node.kind !== 'object') {
      out.report('error', 'InvalidPrincipal', `\`${element}\` must be \`"*"\` or an object, not ${jsonTypeName(node)}`, out.span(node));
      return undefined;
    }
    if (node.members.length === 0) {
      out.report('error', 'InvalidPrincipal', `\`${element}\` is an empty object`, out.span(node), 'name at least one principal, such as `{"AWS": "arn:aws:iam::111122223333:root"}`');
    }
    const entries: PrincipalEntry[] = [];
    for (const m of node.members) {
      if (!checkKnownKey(m, PRINCIPAL_KINDS, `\`${element}\``, out)) continue;
      const kind = m.key as PrincipalKind;
      const list = this.stringList(m.value, `${element}`, (v) => checkPrincipalValue(kind, v));
      if (list) entries.push({ kind: { value: kind, span: out.keySpan(m) }, values: list.values });
    }
    return { span: out.span(node), wildcard: false, entries };
  }

  private condition(node: JsonNode): ConditionNode | undefined {
    const out = this.out;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    if (node.kind !== 'object') {
      out.report('error', 'InvalidCondition', `\`Condition\` must be an object of operators, not ${jsonTypeName(node)}`, out.span(node), 'write `"Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}`');
      return undefined;
    }
    const operators: ConditionOperatorNode[] = [];
    for (const op of node.members) {
      if (op.value.kind !== 'object') {
        out.report('error', 'InvalidCondition', `the operator \`${op.key}\` must map condition keys to values, not be ${jsonTypeName(op.value)}`, out.span(op.value), `write \`"${op.key}": {"aws:SourceIp": "203.0.113.0/24"}\``);
        continue;
      }
      const entries: ConditionEntryNode[] = [];
      for (const entry of op.value.members) {
        const values = this.conditionValues(entry.value, entry.key);
        if (values) entries.push({ key: { value: entry.key, span: out.keySpan(entry) }, values, valuesSpan: out.span(entry.value) });
      }
      operators.push({ operator: { value: op.key, span: out.keySpan(op) }, entries });
    }
    return { span: out.span(node), operators };
  }

  private conditionValues(node: JsonNode, key: string): Located<string | number | boolean>[] | undefined {
    const out = this.out;
    const items = node.kind === 'array' ? (node as JsonArray).items : [node];
    const values: Located<string | number | boolean>[] = [];
    let ok = true;
    for (const item of items) {
      if (item.kind === 'string' || item.kind === 'number' || item.kind === 'boolean') {
        values.push({ value: item.value, span: out.span(item) });
      } else {
        ok = false;
        out.report(
          'error',
          'InvalidConditionValue',
          `the value of the condition key \`${key}\` must be a string, number, boolean or a list of them, not ${item.kind === 'array' ? 'a nested array' : jsonTypeName(item)}`,
          out.span(item),
        );
      }
    }
    return ok ? values : undefined;
  }
}

/** Exactly one of two exclusive elements (for example Action and NotAction). */
function pairRule(present: Map<string, JsonMember>, a: string, b: string, open: Span, out: Reporter, required: boolean): void {
  const ma = present.get(a);
  const mb = present.get(b);
  if (ma && mb) {
    out.report('error', `${a}With${b}`, `the statement has both \`${a}\` and \`${b}\``, out.keySpan(mb), `keep one of them: \`${b}\` matches everything that \`${a}\` would not`);
  } else if (!ma && !mb && required) {
    out.report('error', `Missing${a}`, `the statement has neither \`${a}\` nor \`${b}\``, open, `add \`"${a}": ...\``);
  }
}

function isEveryone(p: PrincipalNode): boolean {
  return p.wildcard || (p.entries.length === 1 && p.entries[0]!.kind.value === 'AWS' && p.entries[0]!.values.every((v) => v.value === '*'));
}

const ACTION_PATTERN = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+$/;

function checkAction(value: string): { message: string; help?: string } | undefined {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
  if (value === '*' || ACTION_PATTERN.test(value)) return undefined;
  if (/\s/.test(value)) return { message: `the action \`${value}\` contains white space`, help: 'remove the spaces; list several actions as separate array elements' };
  if (!value.includes(':')) return { message: `the action \`${value}\` is not in the form \`service:action\``, help: 'write the service prefix, a colon and the action, such as `s3:GetObject`' };
  return { message: `the action \`${value}\` is not in the form \`service:action\``, help: 'action names use letters, digits and the wildcards `*` and `?`' };
}

function checkResource(value: string): { message: string; help?: string } | undefined {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  if (value === '*') return undefined;
  if (!value.startsWith('arn:')) return { message: `the resource \`${value}\` is not an ARN`, help: 'write an ARN such as `arn:aws:s3:::example-bucket/*`, or `*`' };
  // A wildcard may span colons (`arn:aws:s3:*`), so only a literal ARN must show all six parts.
  const help = 'an ARN reads `arn:partition:service:region:account:resource`; keep empty parts, as in `arn:aws:s3:::bucket`';
  if (!/[*?]/.test(value) && value.split(':').length < 6) return { message: `the resource ARN \`${value}\` has fewer than six colon-separated parts`, help };
  // With a wildcard, the text before it must still fit the shape: service, Region and account never hold a `/`
  // (`arn:aws:s3:bucket/*` has lost the `::` before the bucket name).
  const fields = value.slice(0, value.search(/[*?]|$/)).split(':');
  const misplaced = fields.slice(2, 5).findIndex((f) => f.includes('/'));
  if (fields.length < 6 && misplaced >= 0) {
    return { message: `the resource ARN \`${value}\` has its resource where the ${['service', 'Region', 'account'][misplaced]} belongs`, help };
  }
  return undefined;
}

const ACCOUNT_ID = /^\d{12}$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+|saml-provider\/.+|oidc-provider\/.+)|sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+))$/;
/** IAM unique IDs (AIDA… users, AROA… roles): AWS shows them when the named entity was deleted. */
const UNIQUE_ID = /^A[A-Z0-9]{15,}$/;

function checkPrincipalValue(kind: PrincipalKind, value: string): { message: string; help?: string } | undefined {
  if (value === '') return { message: 'a principal is the empty string' };
  if (kind === 'AWS') {
    if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value)) return undefined;
    if (/[*?]/.test(value)) {
      // "You cannot use a wildcard to match part of a principal name or ARN."
      return { message: `the principal \`${value}\` uses a wildcard inside an ARN, which AWS does not allow`, help: 'use `"*"` with a condition such as `ArnLike` on `aws:PrincipalArn`' };
    }
    if (!PRINCIPAL_ARN.test(value)) {
      return { message: `\`${value}\` is not an AWS principal`, help: 'use an account ID, or the ARN of an account root, user, role or role session' };
    }
    return undefined;
  }
  if (/[*?]/.test(value) && value !== '*') return { message: `the principal \`${value}\` uses a wildcard, which AWS does not allow here` };
  if (kind === 'Service' && value !== '*' && !/^[a-z0-9.-]+$/.test(value)) {
    return { message: `\`${value}\` is not a service principal`, help: 'service principals look like `ec2.amazonaws.com`' };
  }
  return undefined;
}
