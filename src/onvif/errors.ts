/**
 * Typed errors of camfleet's ONVIF facade. Each carries the endpoint and the action, never a secret:
 * no password, nonce, digest or Authorization header is stored on an error or put in its message.
 */
export class OnvifError extends Error {
  override name = 'OnvifError';
  readonly endpoint: string;
  readonly action: string;
  /** What to do about it, when the error knows better than its kind does. */
  readonly hint: string | undefined;

  constructor(message: string, details: { endpoint: string; action: string; cause?: unknown; hint?: string }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.endpoint = details.endpoint;
    this.action = details.action;
    this.hint = details.hint;
  }

  /** A short description for reports: what failed, where. */
  describe(): string {
    return `${this.action} at ${this.endpoint}: ${this.message}`;
  }
}

/** The camera refused the credentials (wrong user or password, or a clock too far off for WS-Security). */
export class AuthError extends OnvifError {
  override name = 'AuthError';
}

/** No answer within the time limit. */
export class TimeoutError extends OnvifError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(details: { endpoint: string; action: string; timeoutMs: number }) {
    super(`no answer within ${details.timeoutMs} ms`, details);
    this.timeoutMs = details.timeoutMs;
  }
}

/** The camera does not offer this (no PTZ service, no AbsoluteMove, an optional action). */
export class UnsupportedError extends OnvifError {
  override name = 'UnsupportedError';
}

/** A SOAP fault other than the ones above, with its subcodes (e.g. ter:InvalidArgVal, ter:ConfigModify). */
export class OnvifFault extends OnvifError {
  override name = 'OnvifFault';
  readonly code: string;
  readonly subcode: string | undefined;
  readonly subcodes: string[];

  constructor(details: { endpoint: string; action: string; code: string; subcodes: string[]; reason: string }) {
    super(`${details.reason}${details.subcodes.length ? ` (${details.subcodes.join(' / ')})` : ''}`, details);
    this.code = details.code;
    this.subcodes = details.subcodes;
    this.subcode = details.subcodes.at(-1);
  }
}

/** The camera said yes and did not do it: a move that never moved, a preset it does not keep. */
export class NotAppliedError extends OnvifError {
  override name = 'NotAppliedError';
}

/** The camera could not be reached: refused, unreachable, reset. */
export class NetworkError extends OnvifError {
  override name = 'NetworkError';
  readonly code: string | undefined;

  constructor(message: string, details: { endpoint: string; action: string; code?: string; cause?: unknown }) {
    super(message, details);
    this.code = details.code;
  }
}

/** camfleet refused to do what the camera asked (send credentials to another host, Basic over plain HTTP). */
export class RefusedError extends OnvifError {
  override name = 'RefusedError';
}

/** An https camera's certificate was not accepted (not trusted, or not the pinned one). */
export class CertificateError extends OnvifError {
  override name = 'CertificateError';
}

/** The answer was not ONVIF SOAP (malformed XML, an HTML page, an unexpected shape). */
export class ProtocolError extends OnvifError {
  override name = 'ProtocolError';
}

export function isOnvifError(err: unknown): err is OnvifError {
  return err instanceof OnvifError;
}
