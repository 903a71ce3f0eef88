/**
 * A lesson's live counts: read once, then pushed by the server-sent events of `…/attendance/events` as trainees check
 * in. The browser reconnects an interrupted stream by itself; a stream the server closed (a restart, a login that
 * expired) is opened again after a pause, reading the counts afresh. A console opened with an access token cannot
 * send it on an EventSource, so it asks every few seconds instead. The check-in window (未开放 → 签到中 → 已结束) moves
 * with the clock, not with check-ins, so the counts are also read again each minute.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { credentials } from '../../api/client.js';
import { training } from '../../api/endpoints.js';
import type { LessonAttendance } from '../../api/types.js';

export type LiveMode = 'connecting' | 'live' | 'polling';

const POLL_MS = 5_000;
const REOPEN_MS = 5_000;
const CLOCK_MS = 60_000;

export function useLiveAttendance(classId: string, lessonId: string | undefined): {
  data: LessonAttendance | undefined;
  error: unknown;
  mode: LiveMode;
  reload(): void;
} {
  const [data, setData] = useState<LessonAttendance | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const readRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    setData(undefined);
    setError(null);
    if (!lessonId) return;
    let gone = false;
    let source: EventSource | null = null;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (fn: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    };
    const read = () => {
      training.lessonAttendance(classId, lessonId).then(
        (d) => {
          if (gone) return;
          setData(d);
          setError(null);
        },
        (e: unknown) => !gone && setError(e),
      );
    };
    readRef.current = read;
    read();
    const clock = setInterval(read, CLOCK_MS);

    const polling = credentials.hasBearer() || typeof EventSource === 'undefined';
    if (polling) {
      setMode('polling');
      const poll = setInterval(() => document.visibilityState === 'visible' && read(), POLL_MS);
      return () => {
        gone = true;
        clearInterval(clock);
        clearInterval(poll);
      };
    }

    const open = () => {
      if (gone) return;
      setMode('connecting');
      const es = new EventSource(training.lessonAttendanceEvents(classId, lessonId));
      source = es;
      es.addEventListener('open', () => {
        if (gone) return;
        setMode('live');
        read(); // whatever happened while the stream was down
      });
      es.addEventListener('attendance', (event) => {
        if (gone) return;
        try {
          setData(JSON.parse((event as MessageEvent<string>).data) as LessonAttendance);
          setError(null);
        } catch {
          read();
        }
      });
      es.addEventListener('error', () => {
        if (gone) return;
        setMode('connecting');
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          later(open, REOPEN_MS);
        }
      });
    };
    open();
    return () => {
      gone = true;
      clearInterval(clock);
      for (const timer of timers) clearTimeout(timer);
      source?.close();
    };
  }, [classId, lessonId]);

  const reload = useCallback(() => readRef.current(), []);
  return { data, error, mode, reload };
}
