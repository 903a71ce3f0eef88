/** Storage-level refusals the app layer maps onto its own error codes. */
export type StorageErrorCode = 'not-found' | 'not-draft' | 'invalid-input';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
