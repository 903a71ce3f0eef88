/**
 * A look-up in a plain table by a key that came from outside (a file, a request, a path): own keys only, so
 * `__proto__`, `constructor` or `toString` find nothing instead of Object.prototype's members.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
