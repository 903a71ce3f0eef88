/**
 * 案例检索: every term of the query must occur (a one-character term too). Candidates come from the database's own
 * full-text index over the cases' grams, and each is checked against the exact text, so both engines answer exactly
 * what a substring scan would. Ranked title over tags over summary over body, then newest; published cases only for
 * roles other than the office.
 */
import type { CaseList, CaseSearchQuery, CaseView } from '../../contracts/cases.js';
import { notFound } from '../../contracts/messages.js';
import { findCaseCandidates, getCaseRow, getCaseRows, listCaseRows, type CaseRow } from '../../db/repositories/cases.js';
import { findUnitsByIds } from '../../db/repositories/unit-search.js';
import { gramToken, queryTerms, termGrams } from '../../domain/cases/grams.js';
import { matchCase, type CaseMatch } from '../../domain/cases/rank.js';
import type { AppContext } from '../context.js';
import { OFFICE, type Actor } from '../policies/roles.js';
import { presentCase } from './present-case.js';

const seesDrafts = (actor: Actor) => OFFICE.includes(actor.role);

export async function searchCases(ctx: AppContext, actor: Actor, query: CaseSearchQuery): Promise<CaseList> {
  const db = ctx.database.db;
  const terms = query.q ? queryTerms(query.q) : [];
  // Words given, but none to look for (punctuation only): nothing is found.
  if (query.q && terms.length === 0) return { total: 0, page: query.page, pageSize: query.pageSize, items: [] };
  let rows: CaseRow[];
  if (terms.length > 0) {
    const tokens = [...new Set(terms.flatMap(termGrams))].map(gramToken);
    rows = await getCaseRows(db, await findCaseCandidates(db, tokens));
  } else {
    rows = await listCaseRows(db, { publishedOnly: !seesDrafts(actor) });
  }
  const matches = new Map<string, CaseMatch | null>();
  const kept = rows.filter((r) => {
    if (r.published !== 1 && !seesDrafts(actor)) return false;
    if (query.unitId !== undefined && r.unit_id !== query.unitId) return false;
    if (query.year !== undefined && r.year !== query.year) return false;
    const tags = JSON.parse(r.tags) as string[];
    if (query.tag !== undefined && !tags.includes(query.tag)) return false;
    if (terms.length === 0) return true;
    const match = matchCase({ title: r.title, tags, summary: r.summary, body: r.body }, terms);
    matches.set(r.id, match);
    return match !== null;
  });
  kept.sort((a, b) => (matches.get(b.id)?.score ?? 0) - (matches.get(a.id)?.score ?? 0) || b.updated_at.localeCompare(a.updated_at) || a.id.localeCompare(b.id));
  const start = (query.page - 1) * query.pageSize;
  const page = kept.slice(start, start + query.pageSize);
  const names = new Map((await findUnitsByIds(db, page.map((r) => r.unit_id))).map((u) => [u.id, u.name]));
  return {
    total: kept.length,
    page: query.page,
    pageSize: query.pageSize,
    items: page.map((r) => {
      const { body: _body, ...view } = presentCase(r, names.get(r.unit_id) ?? r.unit_id);
      const m = matches.get(r.id) ?? null;
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
