const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for use in XML content or a double-quoted attribute. */
export function xmlEscape(value: string | number | boolean): string {
  return String(value).replace(/[&<>"']/g, (ch) => replacements[ch] ?? ch);
}
