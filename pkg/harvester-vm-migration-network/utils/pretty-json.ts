/**
 * JSON text laid out for reading (two-space indent, one key a line), for the review's code blocks; text that is not
 * JSON is shown as it is. Display only: what is saved is the canonical text the core module writes.
 */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
