/** Reads an exported bundle, refusing anything that is not one with a message naming what is wrong. */
import { bundleSchema, type Bundle } from '../../contracts/bundle.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';

export function parseBundleText(text: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', { message: MESSAGES.bundleNotJson });
  }
  return parseBundle(raw);
}

export function parseBundle(raw: unknown): Bundle {
  const parsed = bundleSchema.safeParse(readAsWritten(raw));
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((i) => ({
      path: i.path.join('.'),
      message: MESSAGES.bundleField(i.path.join('.'), i.message),
    }));
    throw new AppError('invalid_request', {
      message: MESSAGES.bundleInvalid,
      details,
    });
  }
  return parsed.data;
}

/**
 * A bundle of version 1 was written before an instrument said how its adjustment caps read, when a total over its cap
 * always made the ballot invalid: its instruments are read with `capReading: 'strict'`, so it re-tallies to exactly
 * the results it was published with (decision 0018). Later versions say it (or mean the ceiling by leaving it out).
 */
function readAsWritten(raw: unknown): unknown {
  if (!isRecord(raw) || raw.version !== 1 || !isRecord(raw.definition) || !Array.isArray(raw.definition.instruments)) return raw;
  const instruments = raw.definition.instruments.map((instrument: unknown) => {
    if (!isRecord(instrument) || !isRecord(instrument.adjustments) || Object.hasOwn(instrument.adjustments, 'capReading')) return instrument;
    return { ...instrument, adjustments: { ...instrument.adjustments, capReading: 'strict' } };
  });
  return { ...raw, definition: { ...raw.definition, instruments } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
