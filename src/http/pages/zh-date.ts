/** A calendar date (YYYY-MM-DD) as printed in Chinese documents: 2022年6月20日. */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
