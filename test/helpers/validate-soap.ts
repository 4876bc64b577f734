import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The shared ONVIF schema validator (../shared/onvif-schemas/validate-soap) beside the checkout. */
export const VALIDATE_SOAP = resolve(import.meta.dirname, '../../../shared/onvif-schemas/validate-soap');

/** Validates whole envelopes against the official schemas; resolves with each file's verdict. */
export async function validateEnvelopes(envelopes: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'camfleet-soap-'));
  try {
    const files: string[] = [];
    for (const [name, xml] of Object.entries(envelopes)) {
      const file = join(dir, `${name}.xml`);
      await writeFile(file, xml);
      files.push(file);
    }
    return await new Promise((done) => {
      execFile(VALIDATE_SOAP, files, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
        // xmllint says "FILE validates" for each good file; keep only what is wrong.
        const problems = `${stdout}${stderr}`.split('\n').filter((line) => line.trim() && !/ validates$/.test(line));
        done({ ok: !err, output: problems.join('\n') });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
