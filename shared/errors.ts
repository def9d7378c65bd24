// Input errors: the one clear Chinese message a user sees for bad input (exit code 3).

export class InputError extends Error {
  /** Chinese message naming the file (and sheet/cell or condition id where it applies). */
  constructor(
    message: string,
    readonly file?: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
