/**
 * 案例检索: every term of the query must occur (a one-character term too). Candidates come from the database's own
 * full-text index over the cases' grams, and each is checked against the exact (normalised) text inside the database,
 * so both engines answer exactly what a substring scan would, and only the page's cases are read. Ranked title over
 * tags over summary over body, then newest; published cases only for roles other than the office.
 */
import type { CaseList, CaseSearchQuery, CaseView } from '../../contracts/cases.js';
import { notFound } from '../../contracts/messages.js';
import { getCaseRow, getCaseRows, searchCaseIds, type CaseRow } from '../../db/repositories/cases.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { gramToken, queryTerms, termGrams } from '../../domain/cases/grams.js';
import { FIELD_WEIGHTS, matchCase } from '../../domain/cases/rank.js';
import type { AppContext } from '../context.js';
import { OFFICE, type Actor } from '../policies/roles.js';
import { presentCase } from './present-case.js';

const seesDrafts = (actor: Actor) => OFFICE.includes(actor.role);

export async function searchCases(ctx: AppContext, actor: Actor, query: CaseSearchQuery): Promise<CaseList> {
  const db = ctx.database.db;
  const terms = query.q ? queryTerms(query.q) : [];
  // Words given, but none to look for (punctuation only): nothing is found.
  if (query.q && terms.length === 0) return { total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  const { total, hits } = await searchCaseIds(db, {
    tokens: [...new Set(terms.flatMap(termGrams))].map(gramToken),
    // A term of one or two characters is a gram itself: the index proves it occurs; a longer one is re-checked.
    terms: terms.map((text) => ({ text, indexed: [...text].length <= 2 })),
    weights: FIELD_WEIGHTS,
    publishedOnly: !seesDrafts(actor),
    unitId: query.unitId,
    year: query.year,
    tagJson: query.tag === undefined ? undefined : JSON.stringify(query.tag),
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const rows = new Map((await getCaseRows(db, hits.map((h) => h.id))).map((r) => [r.id, r]));
  const page = hits.map((h) => rows.get(h.id)).filter((r): r is CaseRow => r !== undefined);
  const names = new Map((await findUnitsByIds(db, page.map((r) => r.unit_id))).map((u) => [u.id, u.name]));
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((r) => {
      const { body: _body, ...view } = presentCase(r, names.get(r.unit_id) ?? r.unit_id);
      // The snippet and the field come from the page's own rows; which rows and their order came from the database.
      const m = terms.length > 0 ? matchCase({ title: r.title, tags: view.tags, summary: r.summary, body: r.body }, terms) : null;
      return { ...view, match: m ? { field: m.field, snippet: m.snippet } : null };
    }),
  };
}

export async function getCase(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseView> {
  const row = await getCaseRow(ctx.database.db, caseId);
  // A draft is not there for those who may not see it.
  if (!row || (row.published !== 1 && !seesDrafts(actor))) throw notFound('case', caseId);
  const names = await findUnitsByIds(ctx.database.db, [row.unit_id]);
  return presentCase(row, names[0]?.name ?? row.unit_id);
}
