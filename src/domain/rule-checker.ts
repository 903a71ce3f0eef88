/**
 * 规则体检: tells the office, for a grade instrument and the real ballot sizes, which quota rules can never bind and
 * which combinations cannot be satisfied ("好 ≤ 10%" with 6 subjects allows no 好 at all).
 *
 * Method: exact enumeration. Grades that belong to exactly the same rules are merged into one atom (plus an
 * abstention atom when abstaining is allowed); every vector of counts per atom summing to n is one class of ballots.
 */
import {
  allowedCount,
  describeRuleForBallot,
  enGrades,
  ruleBase,
  ruleTitle,
  zhGrades,
  type GradeLabels,
} from './quota.js';
import { subjectsOnBallot } from './conflicts.js';
import type { DefinitionIndex } from './definition-index.js';
import type { Message } from './results.js';
import type { GradeInstrument, Instrument, QuotaRule, Session } from './types.js';

export type RuleFindingCode =
  | 'rule_forbids_all'
  | 'rule_demands_all'
  | 'rule_never_binds'
  | 'rules_unsatisfiable'
  | 'analysis_skipped';

export interface RuleFinding {
  code: RuleFindingCode;
  /** The rule(s) concerned; all rules for 'rules_unsatisfiable' and 'analysis_skipped'. */
  ruleIds: string[];
  /** The ballot size this finding holds for. */
  n: number;
  params: Record<string, string | number>;
  message: Message;
}

export interface RuleCheckOptions {
  /** Largest number of count vectors enumerated per ballot size; beyond it 'analysis_skipped'. */
  maxVectors?: number;
}

export const DEFAULT_MAX_VECTORS = 2_000_000;

/** One rule's concrete count for a ballot of n subjects, for showing to the office and to raters. */
export interface RuleDescription {
  ruleId: string;
  label: string;
  bound: 'max' | 'min';
  n: number;
  allowed: number;
  message: Message;
}

function labelsOf(instrument: GradeInstrument): Map<string, string> {
  return new Map(instrument.grades.map((g) => [g.key, g.label]));
}

/** Each rule's allowed (max) or required (min) count on a ballot of n subjects. */
export function describeRules(instrument: GradeInstrument, n: number): RuleDescription[] {
  const labels = labelsOf(instrument);
  return instrument.quotaRules.map((rule) => ({
    ruleId: rule.id,
    label: ruleTitle(rule, labels),
    bound: rule.bound,
    n,
    allowed: allowedCount(rule, n),
    message: describeRuleForBallot(rule, n, labels),
  }));
}

/**
 * The ballot sizes raters of this instrument can meet: per session agenda (or the whole instrument when a session has
 * none, or no session lists it), unbound and bound to any unit that owns a subject on it or is above one. Descending.
 */
export function ballotSizes(index: DefinitionIndex, instrument: Instrument): number[] {
  const sessions: (Session | null)[] = index.def.sessions.filter((s) => s.instrumentIds.includes(instrument.id));
  if (sessions.length === 0 || sessions.some((s) => !s?.agenda)) sessions.push(null);
  const sizes = new Set<number>();
  for (const session of sessions) {
    if (session !== null && !session.agenda) continue;
    const shown = subjectsOnBallot(index, instrument, null, session);
    sizes.add(shown.length);
    const bounds = new Set<string>();
    for (const subject of shown) {
      let unitId: string | null = subject.unitId;
      for (let guard = 0; unitId !== null && guard < 64 && !bounds.has(unitId); guard++) {
        bounds.add(unitId);
        unitId = index.units.get(unitId)?.parentId ?? null;
      }
    }
    for (const unitId of bounds) sizes.add(subjectsOnBallot(index, instrument, unitId, session).length);
  }
  return [...sizes].sort((a, b) => b - a);
}

/** Grades merged by the set of rules they belong to; `rules[i]` lists the atoms rule i counts. */
interface Atoms {
  count: number;
  /** Per rule, the indexes of the atoms it counts. */
  rules: number[][];
}

function atomsOf(instrument: GradeInstrument): Atoms {
  const signatures = new Map<string, number>();
  const rules: number[][] = instrument.quotaRules.map(() => []);
  for (const grade of instrument.grades) {
    const member = instrument.quotaRules.map((r) => r.grades.includes(grade.key));
    const signature = member.map((m) => (m ? '1' : '0')).join('');
    if (signatures.has(signature)) continue;
    const atom = signatures.size;
    signatures.set(signature, atom);
    member.forEach((m, j) => {
      if (m) rules[j]!.push(atom);
    });
  }
  return { count: signatures.size, rules };
}

/** C(r + k − 1, k − 1): count vectors of k atoms summing to r; stops counting past `limit`. */
function compositions(r: number, k: number, limit: number): number {
  if (k === 0) return r === 0 ? 1 : 0;
  let c = 1;
  for (let i = 1; i < k; i++) {
    c = (c * (r + i)) / i;
    if (c > limit) return limit + 1;
  }
  return c;
}

interface Outcome {
  satisfiable: boolean;
  /** binds[j]: some ballot breaks rule j alone while keeping every other rule. */
  binds: boolean[];
}

/** Enumerates every count vector for ballots of n subjects (a of them abstentions). */
function enumerate(rules: QuotaRule[], atoms: Atoms, n: number, allowAbstain: boolean): Outcome {
  const ruleCount = new Int32Array(rules.length);
  const atomRules: number[][] = Array.from({ length: atoms.count }, () => []);
  atoms.rules.forEach((list, j) => { list.forEach((a) => { atomRules[a]!.push(j); }); });
  const allowed = rules.map((rule) => Int32Array.from({ length: n + 1 }, (_, m) => allowedCount(rule, m)));
  const outcome: Outcome = { satisfiable: false, binds: rules.map(() => false) };
  let abstentions = 0;

  const leaf = (): void => {
    let failed = -1;
    let failures = 0;
    for (let j = 0; j < rules.length && failures < 2; j++) {
      const rule = rules[j]!;
      const limit = allowed[j]![ruleBase(rule, n, abstentions)]!;
      const holds = rule.bound === 'max' ? ruleCount[j]! <= limit : ruleCount[j]! >= limit;
      if (!holds) {
        failed = j;
        failures++;
      }
    }
    if (failures === 0) outcome.satisfiable = true;
    else if (failures === 1) outcome.binds[failed] = true;
  };
  const place = (atom: number, remaining: number): void => {
    const last = atom === atoms.count - 1;
    for (let c = last ? remaining : 0; c <= remaining; c++) {
      for (const j of atomRules[atom]!) ruleCount[j]! += c;
      if (last) leaf();
      else place(atom + 1, remaining - c);
      for (const j of atomRules[atom]!) ruleCount[j]! -= c;
    }
  };

  for (abstentions = 0; abstentions <= (allowAbstain ? n : 0); abstentions++) {
    const rated = n - abstentions;
    if (atoms.count === 0) {
      if (rated === 0) leaf();
    } else place(0, rated);
  }
  return outcome;
}

function vectorCount(atoms: number, n: number, allowAbstain: boolean, limit: number): number {
  let total = 0;
  for (let a = 0; a <= (allowAbstain ? n : 0); a++) {
    total += compositions(n - a, atoms, limit);
    if (total > limit) return limit + 1;
  }
  return total;
}

/**
 * Findings for each ballot size in `subjectCounts` (e.g. [6, 5] when raters bound to a county lose one subject).
 * 'rule_never_binds' is reported only when the rules can be satisfied together.
 */
export function checkInstrumentRules(
  instrument: GradeInstrument,
  subjectCounts: number[],
  options: RuleCheckOptions = {},
): RuleFinding[] {
  const rules = instrument.quotaRules;
  if (rules.length === 0) return [];
  const labels = labelsOf(instrument);
  const atoms = atomsOf(instrument);
  const limit = options.maxVectors ?? DEFAULT_MAX_VECTORS;
  const findings: RuleFinding[] = [];

  for (const n of [...new Set(subjectCounts)]) {
    if (!Number.isInteger(n) || n <= 0) continue;
    rules.forEach((rule) => {
      const allowed = allowedCount(rule, n);
      if (rule.bound === 'max' && allowed === 0) findings.push(forbidsAll(rule, n, labels));
      if (rule.bound === 'min' && allowed >= n) findings.push(demandsAll(rule, n, allowed, labels));
    });
    const vectors = vectorCount(atoms.count, n, instrument.allowAbstain, limit);
    if (vectors > limit) {
      findings.push(skipped(rules, n, limit));
      continue;
    }
    const outcome = enumerate(rules, atoms, n, instrument.allowAbstain);
    if (!outcome.satisfiable) {
      findings.push(unsatisfiable(rules, n, labels));
      continue;
    }
    rules.forEach((rule, j) => {
      if (!outcome.binds[j]) findings.push(neverBinds(rule, n, labels, rules.length > 1));
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------

function forbidsAll(rule: QuotaRule, n: number, labels: GradeLabels): RuleFinding {
  const title = ruleTitle(rule, labels);
  return {
    code: 'rule_forbids_all',
    ruleIds: [rule.id],
    n,
    params: { ruleId: rule.id, rule: title, n, allowed: 0 },
    message: {
      zh: `「${title}」：${n} 个对象时最多允许 0 个${zhGrades(rule, labels)}，即任何对象都不能评为${zhGrades(rule, labels)}`,
      en: `Rule “${title}”: with ${n} subjects it allows 0 × ${enGrades(rule, labels)}, so no subject can be rated ${enGrades(rule, labels)}`,
    },
  };
}

function demandsAll(rule: QuotaRule, n: number, allowed: number, labels: GradeLabels): RuleFinding {
  const title = ruleTitle(rule, labels);
  const zhWho = rule.base === 'rated' ? '每个已评对象' : '每个对象';
  const enWho = rule.base === 'rated' ? 'every rated subject' : 'every subject';
  return {
    code: 'rule_demands_all',
    ruleIds: [rule.id],
    n,
    params: { ruleId: rule.id, rule: title, n, required: allowed },
    message: {
      zh: `「${title}」：${n} 个对象时至少需要 ${allowed} 个${zhGrades(rule, labels)}，即${zhWho}都必须评为${zhGrades(rule, labels)}`,
      en: `Rule “${title}”: with ${n} subjects it needs ${allowed} × ${enGrades(rule, labels)}, so ${enWho} must be rated ${enGrades(rule, labels)}`,
    },
  };
}

function neverBinds(rule: QuotaRule, n: number, labels: GradeLabels, others: boolean): RuleFinding {
  const title = ruleTitle(rule, labels);
  const allowed = allowedCount(rule, n);
  return {
    code: 'rule_never_binds',
    ruleIds: [rule.id],
    n,
    params: { ruleId: rule.id, rule: title, n, allowed },
    message: others
      ? {
          zh: `「${title}」：${n} 个对象时，凡满足其他规则的选票都已满足这条规则（${describeRuleForBallot(rule, n, labels).zh}），这条规则不起作用`,
          en: `Rule “${title}”: with ${n} subjects every ballot that satisfies the other rules already satisfies this one (${describeRuleForBallot(rule, n, labels).en}); it never binds`,
        }
      : {
          zh: `「${title}」：${n} 个对象时任何选票都满足这条规则（${describeRuleForBallot(rule, n, labels).zh}），这条规则不起作用`,
          en: `Rule “${title}”: with ${n} subjects every ballot satisfies it (${describeRuleForBallot(rule, n, labels).en}); it never binds`,
        },
  };
}

function unsatisfiable(rules: QuotaRule[], n: number, labels: GradeLabels): RuleFinding {
  const titles = rules.map((r) => ruleTitle(r, labels));
  const counts = rules.map((r) => describeRuleForBallot(r, n, labels));
  return {
    code: 'rules_unsatisfiable',
    ruleIds: rules.map((r) => r.id),
    n,
    params: { n, rules: titles.join('; ') },
    message: {
      zh: `${titles.map((t) => `「${t}」`).join('')}：${n} 个对象时没有任何选票能同时满足这些规则（${counts.map((c) => c.zh).join('；')}）`,
      en: `Rules ${titles.map((t) => `“${t}”`).join(', ')}: with ${n} subjects no ballot can satisfy them all (${counts.map((c) => c.en).join('; ')})`,
    },
  };
}

function skipped(rules: QuotaRule[], n: number, limit: number): RuleFinding {
  return {
    code: 'analysis_skipped',
    ruleIds: rules.map((r) => r.id),
    n,
    params: { n, limit },
    message: {
      zh: `${n} 个对象时等次组合超过 ${limit} 种，未做规则分析`,
      en: `With ${n} subjects there are more than ${limit} grade combinations; the rules were not analysed`,
    },
  };
}
