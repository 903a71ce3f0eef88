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
  const parsed = bundleSchema.safeParse(raw);
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
