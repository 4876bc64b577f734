import type { FaultParts } from '../../soap/envelope.js';

/** A SOAP fault a handler raises; the server turns it into the envelope and HTTP status a camera sends. */
export class SoapFault extends Error {
  override name = 'SoapFault';

  constructor(
    readonly parts: FaultParts,
    // SOAP 1.2 binding: sender faults are 400. Receiver faults use 400 too, as ONVIF devices
    // commonly do, so that a client never confuses "not supported" with a crashed server (500).
    readonly httpStatus = 400,
  ) {
    super(parts.reason);
  }
}

export function actionNotSupported(reason = 'Optional Action Not Implemented'): SoapFault {
  return new SoapFault({ code: 'env:Receiver', subcodes: ['ter:ActionNotSupported'], reason });
}

/** env:Sender / ter:InvalidArgVal / ter:<detail>, the usual answer to a bad argument. */
export function invalidArgVal(detail: string, reason: string): SoapFault {
  return new SoapFault({ code: 'env:Sender', subcodes: ['ter:InvalidArgVal', `ter:${detail}`], reason });
}

/** env:Sender / ter:InvalidArgs (structurally wrong arguments, such as a missing element). */
export function invalidArgs(reason: string): SoapFault {
  return new SoapFault({ code: 'env:Sender', subcodes: ['ter:InvalidArgs'], reason });
}

export function notAuthorized(): SoapFault {
  return new SoapFault({ code: 'env:Sender', subcodes: ['ter:NotAuthorized'], reason: 'Sender not Authorized' });
}

export function notWellFormed(reason: string): SoapFault {
  return new SoapFault({ code: 'env:Sender', subcodes: ['ter:WellFormed'], reason: `Well-formed Error: ${reason}` });
}
