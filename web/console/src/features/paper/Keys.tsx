/** A line of key help: "[Enter] 下一项" with each bracketed key drawn as a key cap. */
import { Fragment } from 'react';

export function Keys({ text }: { text: string }) {
  const parts = text.split(/\[([^\]]+)\]/);
  // Even parts are words, odd parts key names; a part's position is its identity in this fixed text.
  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, never reordered
  return <>{parts.map((part, k) => (k % 2 === 1 ? <kbd key={k}>{part}</kbd> : <Fragment key={k}>{part}</Fragment>))}</>;
}
