/** Maps storage refusals and domain problems onto the API's error codes. */
import { AppError, type ErrorDetail } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { StorageError } from '../../db/errors.js';
import { isUniqueViolation } from '../../db/dialect/index.js';
import type { Message } from '../../domain/results.js';

export async function translateStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StorageError) {
      if (error.code === 'not-found') throw new AppError('not_found');
      if (error.code === 'not-draft') {
        throw new AppError('campaign_state', { message: MESSAGES.campaignFrozen });
      }
      throw new AppError('invalid_request', { message: MESSAGES.storageRefused(error.message) });
    }
    if (isUniqueViolation(error)) throw new AppError('duplicate_id');
    throw error;
  }
}

export function problemDetails(problems: { code: string; path?: string; message: Message; [k: string]: unknown }[]): ErrorDetail[] {
  return problems.map((p) => ({ ...p }));
}
