// StoreError: the one Chinese message a user sees when the project database cannot be used
// (newer than the app, corrupt, locked) or a store call gets bad input (override without reason).
// It is an InputError whose kind (shared/errors.ts) follows from its code, so every front end
// shows it without a stack trace and the API envelope carries the kind.

import { InputError, type ErrorKind } from '../errors.js';

export type StoreErrorCode =
  | 'newer' // user_version above the newest migration this app knows
  | 'corrupt' // not a database, integrity check failed, stored payload does not match its hash
  | 'foreign' // a SQLite database that is not a LandCheck store
  | 'outdated' // older than the app and opened read-only (cannot migrate)
  | 'readonly' // write on a store opened read-only
  | 'busy' // locked by another process
  | 'io' // cannot open / read / write the file, disk full
  | 'not_found' // no such project, run, …
  | 'invalid'; // bad argument (empty reason, unknown verdict, …)

/** The error kind of each store code. */
export const STORE_ERROR_KIND: Record<StoreErrorCode, ErrorKind> = {
  newer: 'conflict',
  corrupt: 'bad_file',
  foreign: 'bad_file',
  outdated: 'conflict',
  readonly: 'conflict',
  busy: 'busy',
  io: 'bad_file',
  not_found: 'not_found',
  invalid: 'invalid',
};

export class StoreError extends InputError {
  constructor(
    message: string,
    readonly code: StoreErrorCode,
    file?: string,
  ) {
    super(message, file, undefined, STORE_ERROR_KIND[code]);
    this.name = 'StoreError';
  }
}

export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}
