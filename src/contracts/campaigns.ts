/** Response schemas of the campaign routes: the campaign records, their definitions and the set-up check. */
import { z } from 'zod';
import { DEFINITION_PROBLEM_CODES, type DefinitionProblem } from '../domain/check-definition.js';
import type { RuleDescription, RuleFinding } from '../domain/rule-checker.js';
import { assertSame, messageSchema, paramsSchema, type Same } from './common.js';
import { storedDefinitionSchema } from './stored-definition.js';

/** 测评活动: a campaign's record; its set-up is the definition. */
export const campaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The city or province the campaign is about; its subtree is the campaign's units. */
  rootUnitId: z.string().nullable(),
  precision: z.number().int(),
  tieJudgement: z.enum(['exact', 'published']),
  /** draft: set-up editable; active: a session opened, set-up frozen; published: results frozen in a notice. */
  status: z.enum(['draft', 'active', 'published']),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignRecord = z.output<typeof campaignSchema>;

export const campaignWithDefinitionSchema = z.object({ campaign: campaignSchema, definition: storedDefinitionSchema });
export type CampaignWithDefinition = z.output<typeof campaignWithDefinitionSchema>;

const definitionProblemSchema = z.object({
  code: z.enum(DEFINITION_PROBLEM_CODES),
  /** Where, e.g. 'instruments[2].quotaRules[0].numerator'. */
  path: z.string(),
  params: paramsSchema,
  message: messageSchema,
});

const ruleFindingSchema = z.object({
  code: z.enum(['rule_forbids_all', 'rule_demands_all', 'rule_never_binds', 'rules_unsatisfiable', 'analysis_skipped']),
  ruleIds: z.array(z.string()),
  /** The ballot size this finding holds for. */
  n: z.number().int(),
  params: paramsSchema,
  message: messageSchema,
});

const ruleDescriptionSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  bound: z.enum(['max', 'min']),
  n: z.number().int(),
  allowed: z.number().int(),
  message: messageSchema,
});

/**
 * 方案检查: the set-up's problems (any one refuses it), and per grade instrument the real ballot sizes, the quota
 * rules that never bind or cannot be met at those sizes, and each rule as a concrete count per size.
 */
export const setupCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(definitionProblemSchema),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      name: z.string(),
      subjectCounts: z.array(z.number().int()),
      findings: z.array(ruleFindingSchema),
      limits: z.array(z.object({ n: z.number().int(), rules: z.array(ruleDescriptionSchema) })),
    }),
  ),
});
export type SetupCheck = z.output<typeof setupCheckSchema>;

assertSame<Same<z.output<typeof definitionProblemSchema>, DefinitionProblem>>();
assertSame<Same<z.output<typeof ruleFindingSchema>, RuleFinding>>();
assertSame<Same<z.output<typeof ruleDescriptionSchema>, RuleDescription>>();
