/** A search box's text once typing has paused, so a 2,100-person roster is asked once per pause, not per key. */
import { useEffect, useState } from 'react';

export const SEARCH_DELAY_MS = 300;

export function useDebounced(text: string, ms = SEARCH_DELAY_MS): string {
  const [value, setValue] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setValue(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return value;
}
