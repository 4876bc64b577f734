/**
 * An error the user can fix: a bad flag, an unreadable file, an unknown camera. The CLI prints its
 * message and hint on one line and exits 2; no stack, because nothing is wrong with camfleet.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
  }
}

/**
 * Whether `err` is a UserError. By class alone: there is one copy of this module in each program (the
 * built CLI is one bundle whose lazily loaded commands share its chunks; tests load the sources).
 */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
