/**
 * What no text the office or a phone sends may hold (docs/security.md): NUL and the other C0 control characters (tab,
 * line feed and carriage return excepted) and DEL — PostgreSQL cannot store NUL, and none is typed on purpose; a lone
 * surrogate, which is no character at all; and the bidirectional overrides and isolates that make a name read
 * backwards in a ranking.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}
