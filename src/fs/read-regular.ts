import { open } from 'node:fs/promises';
import { constants } from 'node:fs';

/** A file camfleet will not read: a FIFO, device or folder, where reading would block or mean nothing. */
export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
  readonly code = 'ENOTREG';
  constructor(
    message: string,
    /** What it is instead: a folder, or a FIFO, socket or device. */
    readonly kind: 'folder' | 'special',
  ) {
    super(message);
  }
}

/**
 * Reads a regular file as UTF-8. The file is opened without blocking and checked before it is read, so a
 * FIFO named like an inventory file cannot hang a command (a symbolic link to a regular file is read).
 */
export async function readRegularFile(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(`${path} is not a regular file`, info.isDirectory() ? 'folder' : 'special');
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
