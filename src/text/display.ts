/**
 * Text that came from a camera, made safe to show a person: control characters and terminal escape
 * sequences are neutralised (a camera must not be able to move the cursor or recolour a terminal), and
 * overlong values are cut.
 */
export function displayText(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  const clean = text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/[\r\n\t]+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A URI as it may be shown or written: never with the user name and password some cameras embed in it. */
export function displayUri(uri: string): string {
  try {
    const url = new URL(uri);
    if (!url.username && !url.password) return displayText(uri, 300);
    url.username = '';
    url.password = '';
    return displayText(url.href, 300);
  } catch {
    // Not a URL: still cut any `user:password@` that looks like one.
    return displayText(uri.replace(/\/\/[^/@\s]*@/, '//'), 300);
  }
}
