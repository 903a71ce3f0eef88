import { UNIT_LEVEL_ORDER, type Unit } from '../../domain/types.js';
import type { Db } from '../database.js';
import type { UnitsTable } from '../tables/index.js';
import { chunk, inTransaction } from './shared.js';

const COLUMNS = ['id', 'code', 'name', 'level', 'parent_id'] as const;

function toUnit(row: UnitsTable): Unit {
  return { id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id };
}

/** Inserts units in chunked multi-row statements, one transaction; parents are written before their children. */
export async function insertUnits(db: Db, units: readonly Unit[]): Promise<void> {
  const depth = (u: Unit) => UNIT_LEVEL_ORDER.indexOf(u.level);
  const ordered = [...units].sort((a, b) => depth(a) - depth(b));
  await inTransaction(db, async (trx) => {
    for (const part of chunk(ordered, COLUMNS.length)) {
      await trx
        .insertInto('units')
        .values(part.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parent_id: u.parentId })))
        .execute();
    }
  });
}

export async function getUnit(db: Db, id: string): Promise<Unit | null> {
  const row = await db.selectFrom('units').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUnit(row) : null;
}

export async function listChildUnits(db: Db, parentId: string): Promise<Unit[]> {
  const rows = await db.selectFrom('units').select(COLUMNS).where('parent_id', '=', parentId).orderBy('id').execute();
  return rows.map(toUnit);
}

/** The unit `rootId` and all its descendants (recursive CTE, same SQL on both engines), ordered by id. */
export async function listUnitSubtree(db: Db, rootId: string): Promise<Unit[]> {
  return subtreeOf(db, rootId);
}

/** The units of a campaign: its root unit's subtree (none without a root), in the same one query. */
export async function listCampaignUnits(db: Db, campaignId: string): Promise<Unit[]> {
  return subtreeOf(db, { campaignId });
}

async function subtreeOf(db: Db, root: string | { campaignId: string }): Promise<Unit[]> {
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('units.id')
        .where('units.id', '=', typeof root === 'string' ? root : (eb) => eb.selectFrom('campaigns').select('root_unit_id').where('campaigns.id', '=', root.campaignId))
        .unionAll((sub) =>
          sub.selectFrom('units as child').innerJoin('subtree', 'subtree.id', 'child.parent_id').select('child.id'),
        ),
    )
    .selectFrom('units')
    .innerJoin('subtree', 'subtree.id', 'units.id')
    .select(['units.id', 'units.code', 'units.name', 'units.level', 'units.parent_id'])
    .orderBy('units.id')
    .execute();
  return rows.map(toUnit);
}
