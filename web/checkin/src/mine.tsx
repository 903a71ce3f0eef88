/** 我的签到: the check-ins and 学时 of the trainee this phone identified as, for one class, and their 讲收获; nobody else's. */
import { useEffect, useState } from 'preact/hooks';
import type { MyCheckins } from '../../../src/contracts/training.js';
import { fetchMine, type ApiError } from './api.js';
import { statusLabel, wallClock, type Lang, type Texts } from './i18n.js';
import { Notice, type Heading } from './notice.js';
import { Reflections } from './reflect.js';
import { forgetIdentity, identityOf } from './store.js';

type State =
  | { state: 'none'; forgot: boolean }
  | { state: 'loading' }
  | { state: 'ok'; mine: MyCheckins; device: string }
  | { state: 'refused'; error: ApiError }
  | { state: 'network' };

export function Mine(props: { t: Texts; lang: Lang; classId: string; onHeading: (h: Heading) => void }) {
  const { t, lang, classId } = props;
  const [state, setState] = useState<State>(() => (identityOf(classId) ? { state: 'loading' } : { state: 'none', forgot: false }));

  const load = async () => {
    const me = identityOf(classId);
    if (!me) return setState({ state: 'none', forgot: false });
    setState({ state: 'loading' });
    const res = await fetchMine(classId, me.device);
    if (res.kind === 'network') return setState({ state: 'network' });
    if (res.kind === 'refused') {
      // A secret the server no longer knows stands for nobody: forget it, so the next scan asks again.
      if (res.error.code === 'participant_unknown' || res.error.code === 'not_found') forgetIdentity(classId);
      return setState({ state: 'refused', error: res.error });
    }
    props.onHeading({ title: res.body.className, sub: `${res.body.participant.name} · ${res.body.participant.unitName}` });
    setState({ state: 'ok', mine: res.body, device: me.device });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on load
  useEffect(() => void load(), []);

  const forget = () => {
    forgetIdentity(classId);
    setState({ state: 'none', forgot: true });
  };

  switch (state.state) {
    case 'none':
      return <Notice title={t.mineNone} body={state.forgot ? `${t.forgotten} ${t.mineNoneBody}` : t.mineNoneBody} testid="mine-none" />;
    case 'loading':
      return <p class="muted center" role="status">{t.mineLoading}</p>;
    case 'network':
      return (
        <Notice title={t.unreachable} tone="bad">
          <button type="button" class="primary" onClick={() => void load()}>{t.retry}</button>
        </Notice>
      );
    case 'refused':
      return <Notice title={t.refusedTitle} body={lang === 'zh' ? state.error.message.zh : state.error.message.en} tone="bad" testid="refused" />;
    case 'ok': {
      const { mine } = state;
      return (
        <main class="mine" data-testid="mine">
          <section class="intro">
            <h1>{t.mineTitle}</h1>
            <p class="who">{mine.participant.name}<small>{mine.participant.unitName}</small></p>
            <p class="total" data-testid="mine-credit">{t.credit(mine.credit)}</p>
          </section>
          <ol class="lessons">
            {mine.lessons.map((l) => (
              <li key={l.lessonId} class={`status-${l.status}`}>
                <div class="lesson-head">
                  <strong>{l.title}</strong>
                  <span class="badge">{statusLabel(l.status, lang)}{l.clock ? ` ${l.clock}` : ''}</span>
                </div>
                <div class="lesson-meta">
                  <span>{wallClock(l.startsAt, lang)}</span>
                  <span>{t.lessonCredit(l.credit, l.hours)}</span>
                </div>
              </li>
            ))}
          </ol>
          <Reflections t={t} lang={lang} classId={classId} device={state.device} />
          <div class="actions">
            <button type="button" class="link" onClick={forget} data-testid="forget">{t.forget}</button>
          </div>
        </main>
      );
    }
  }
}
