/**
 * 票号: a session's paper sheets are numbered P-001, P-002, … (more digits past 999). A number typed by hand in that
 * form (P-012, P-12) counts too, so the next one never repeats it; numbers in other forms (a serial printed on the
 * paper) are kept as typed and never chosen here.
 */
const NUMBERED = /^P-(\d{1,9})$/;

export function nextSheetNumber(taken: Iterable<string>): string {
  let highest = 0;
  for (const n of taken) {
    const m = NUMBERED.exec(n);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `P-${String(highest + 1).padStart(3, '0')}`;
}
