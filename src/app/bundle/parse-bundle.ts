/** Reads an exported bundle, refusing anything that is not one with a message naming what is wrong. */
import { bundleSchema, type Bundle } from '../../contracts/bundle.js';
import { AppError } from '../../contracts/errors.js';

export function parseBundleText(text: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('malformed_json', { message: { zh: '导出包不是有效的 JSON', en: 'The bundle is not valid JSON' } });
  }
  return parseBundle(raw);
}

export function parseBundle(raw: unknown): Bundle {
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((i) => ({
      path: i.path.join('.'),
      message: { zh: `字段「${i.path.join('.')}」不符合导出包格式：${i.message}`, en: `${i.path.join('.')}: ${i.message}` },
    }));
    throw new AppError('invalid_request', {
      message: { zh: '文件不是有效的擂台导出包', en: 'The file is not a valid Leitai bundle' },
      details,
    });
  }
  return parsed.data;
}
