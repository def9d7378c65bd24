// The renderer's typed error: what an API call refused or failed with, rebuilt from the envelope
// (shared/api/contract.ts) with the kind the core gave it (shared/errors.ts), so a screen can
// tell a missing project from a busy host or an internal failure. No DOM here (tested in Node).
import type { Envelope, ErrorKind } from '../shared/api/contract';

/** A refused or failed call: `kind` as the core classified it, `message` in Chinese for the user. */
export class InvokeError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}

/** The value of an envelope, or its error thrown as an InvokeError. */
export function unwrap<T>(envelope: Envelope<unknown>): T {
  if (envelope.ok) return envelope.value as T;
  throw new InvokeError(envelope.kind ?? 'internal', envelope.error);
}
