import { pointerSegment } from './json-source.js';

/** Field names that hold secrets. A credential never goes into a file that lives in git. */
const SECRET_NAME =
  /^(password|passwd|pass|pwd|passphrase|secret|client[-_]?secret|token|api[-_]?key|apikey|access[-_]?token|auth[-_]?token)$/i;

export interface SecretFinding {
  pointer: string;
  field: string;
}

/** Every field whose name looks like a secret and that has a value, anywhere in the document. */
export function findSecrets(value: unknown, pointer = ''): SecretFinding[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => findSecrets(item, `${pointer}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  const found: SecretFinding[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${pointerSegment(key)}`;
    const bare = key.replace(/^x-/, '');
    if (SECRET_NAME.test(bare) && child !== null && child !== '' && child !== undefined) found.push({ pointer: childPointer, field: key });
    found.push(...findSecrets(child, childPointer));
  }
  return found;
}

export const SECRET_HINT =
  'put credentials in ~/.config/camfleet/credentials.json (or the file $CAMFLEET_CREDENTIALS names) under a profile name, and write only that name in "credentialProfile"';
