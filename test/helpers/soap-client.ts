import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';

/**
 * A deliberately small SOAP client written for the tests, independent of camfleet's own client and
 * of the simulator, so that a test checks one against an outside view of the protocol.
 */
export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Header values in arrival order, repeated headers kept apart (Node joins them in `headers`). */
  rawHeaders: string[];
  body: string;
}

export function wsseHeader(username: string, password: string, created = new Date(), nonce = randomBytes(16)): string {
  const createdText = created.toISOString();
  const digest = createHash('sha1')
    .update(Buffer.concat([nonce, Buffer.from(createdText), Buffer.from(password)]))
    .digest('base64');
  return (
    '<Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" s:mustUnderstand="1"><UsernameToken>' +
    `<Username>${username}</Username>` +
    `<Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${digest}</Password>` +
    `<Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${nonce.toString('base64')}</Nonce>` +
    `<Created xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">${createdText}</Created>` +
    '</UsernameToken></Security>'
  );
}

export function envelope(body: string, header = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
}

export function post(url: string, body: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'Content-Type': 'application/soap+xml; charset=utf-8', ...headers }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts an operation with a fresh WS-Security header. */
export function call(url: string, operation: string, username = 'admin', password = 'camfleet'): Promise<RawReply> {
  return post(url, envelope(operation, wsseHeader(username, password)));
}
