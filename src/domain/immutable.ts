/**
 * Can this rating never read differently? Frozen, a plain object, data properties only and none of them an object.
 * check-ballot.ts and collect.ts remember what they found about such ratings by identity.
 */
export function isImmutableRating(r: object): boolean {
  if (!Object.isFrozen(r) || Object.getPrototypeOf(r) !== Object.prototype) return false;
  const names = Object.getOwnPropertyNames(r);
  for (let i = 0; i < names.length; i++) {
    const d = Object.getOwnPropertyDescriptor(r, names[i]!)!;
    if (d.get !== undefined || d.set !== undefined || (typeof d.value === 'object' && d.value !== null)) return false;
  }
  return true;
}
