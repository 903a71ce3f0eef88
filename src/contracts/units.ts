/** Response schemas of the unit routes: units, their import from a file, and the national division data. */
import { z } from 'zod';
import { storedUnitSchema, unitLevelSchema } from './stored-definition.js';

/** 单位: a node of the division tree, as stored. */
export const unitViewSchema = storedUnitSchema;
export type UnitView = z.output<typeof unitViewSchema>;

export const unitsAddedSchema = z.object({ added: z.number().int() });
export type UnitsAdded = z.output<typeof unitsAddedSchema>;

/** An import from CSV or xlsx; a dry run stores nothing and imports 0. */
export const unitImportSchema = z.object({
  dryRun: z.boolean(),
  imported: z.number().int(),
  /** The file's units, at most the first 1,000. */
  units: z.array(unitViewSchema),
});
export type UnitImport = z.output<typeof unitImportSchema>;

/** 行政区划: one division of the bundled national data. */
export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  /** The stored unit made from this division, if it was imported. */
  unitId: z.string().nullable(),
});
export type Division = z.output<typeof divisionSchema>;

/** One division and its children; without a code, the provinces (division null). */
export const divisionBrowseSchema = z.object({ division: divisionSchema.nullable(), children: z.array(divisionSchema) });
export type DivisionBrowse = z.output<typeof divisionBrowseSchema>;

/** A province's or city's subtree imported as units; units already stored are skipped. */
export const divisionImportSchema = z.object({ rootUnitId: z.string(), added: z.number().int(), skipped: z.number().int() });
export type DivisionImport = z.output<typeof divisionImportSchema>;
