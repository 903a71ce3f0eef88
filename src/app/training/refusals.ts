/** The 400 of one field with a text that says what is wrong with it. */
import { AppError } from '../../contracts/errors.js';
import type { Message } from '../../domain/results.js';

export function invalidField(path: string, message: Message): AppError {
  return new AppError('invalid_request', { message, details: [{ path, code: 'invalid', message }] });
}
