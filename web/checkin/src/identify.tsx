/**
 * Identifying once on a phone: the personal code printed on the roster, or one's unit then one's name. The unit list
 * of a big class is long, so it filters as the trainee types; a tapped name asks for a confirmation before it counts.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Directory } from '../../../src/contracts/training.js';
import { fetchDirectory, type ApiError, type Identity } from './api.js';
import type { Lang, Texts } from './i18n.js';

type Unit = Directory['units'][number];
type Person = Directory['people'][number];

/** Rows drawn at once: past this the trainee is asked to type a few characters (a hall's phones are slow). */
const SHOWN = 80;

const matches = (filter: string, ...texts: string[]) => {
  const f = filter.trim().toLowerCase();
  return f === '' || texts.some((s) => s.toLowerCase().includes(f));
};

interface Props {
  t: Texts;
  lang: Lang;
  grant: string;
  busy: boolean;
  /** The last refusal of the choice sent, in the trainee's language. */
  error: string | null;
  onIdentify: (who: Identity) => void;
  /** The directory was refused (the grant ran out): the scan ends. */
  onRefused: (error: ApiError) => void;
}

export function Identify(props: Props) {
  const { t } = props;
  const [mode, setMode] = useState<'code' | 'name'>('code');
  return (
    <main class="identify">
      <section class="intro">
        <h1>{t.identifyTitle}</h1>
        <p class="muted">{t.identifyHint}</p>
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'code'} class={mode === 'code' ? 'on' : ''} onClick={() => setMode('code')}>{t.byCode}</button>
          <button type="button" role="tab" aria-selected={mode === 'name'} class={mode === 'name' ? 'on' : ''} onClick={() => setMode('name')}>{t.byName}</button>
        </div>
      </section>
      {mode === 'code' ? <ByCode {...props} /> : <ByName {...props} />}
    </main>
  );
}

function ByCode(props: Props) {
  const { t } = props;
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const [typing, setTyping] = useState(false);
  return (
    <form
      class="panel"
      onSubmit={(e) => {
        e.preventDefault();
        setTyping(false);
        const typed = code.trim();
        setEmpty(typed === '');
        if (typed !== '') props.onIdentify({ personalCode: typed });
      }}
    >
      <label class="field">
        <span>{t.codeLabel}</span>
        <input
          name="personalCode"
          value={code}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          inputMode="text"
          maxLength={40}
          onInput={(e) => {
            setCode((e.target as HTMLInputElement).value);
            setTyping(true);
            setEmpty(false);
          }}
        />
      </label>
      <p class="muted small">{t.codeHint}</p>
      {empty && <p class="error" role="alert">{t.codeEmpty}</p>}
      {props.error && !typing && !empty && <p class="error" role="alert" data-testid="identify-error">{props.error}</p>}
      <button type="submit" class="primary" disabled={props.busy}>{props.busy ? t.checking : t.codeGo}</button>
    </form>
  );
}

type Listing<T> = { state: 'loading' } | { state: 'ok'; items: T[] } | { state: 'network' };

function ByName(props: Props) {
  const { t, grant } = props;
  const [units, setUnits] = useState<Listing<Unit>>({ state: 'loading' });
  const [unit, setUnit] = useState<Unit | null>(null);
  const [people, setPeople] = useState<Listing<Person>>({ state: 'loading' });
  const [picked, setPicked] = useState<Person | null>(null);
  const [filter, setFilter] = useState('');

  const load = async (unitId?: string) => {
    const set = unitId ? setPeople : setUnits;
    set({ state: 'loading' });
    const res = await fetchDirectory(grant, unitId);
    if (res.kind === 'network') return set({ state: 'network' });
    if (res.kind === 'refused') return props.onRefused(res.error);
    if (unitId) setPeople({ state: 'ok', items: res.body.people });
    else setUnits({ state: 'ok', items: res.body.units });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the unit list is asked for once, when this tab first shows
  useEffect(() => void load(), []);

  const chooseUnit = (u: Unit | null) => {
    setUnit(u);
    setPicked(null);
    setFilter('');
    if (u) void load(u.id);
  };

  if (picked && unit) {
    return (
      <section class="panel confirm" data-testid="confirm">
        <h2>{t.confirmWho}</h2>
        <p class="person">
          <strong>{picked.name}</strong>
          <span>{[unit.name, picked.post].filter(Boolean).join(' · ')}</span>
        </p>
        {props.error && <p class="error" role="alert" data-testid="identify-error">{props.error}</p>}
        <button type="button" class="primary" disabled={props.busy} onClick={() => props.onIdentify({ participantId: picked.id })}>
          {props.busy ? t.checking : t.confirmGo}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={() => setPicked(null)}>{t.confirmBack}</button>
      </section>
    );
  }

  const listing = unit ? people : units;
  return (
    <section class="panel">
      {unit && (
        <div class="chosen">
          <button type="button" class="link" onClick={() => chooseUnit(null)}>{t.otherUnit}</button>
          <h2>{unit.name}</h2>
        </div>
      )}
      <label class="field">
        <span>{unit ? t.nameFilter : t.unitLabel}</span>
        <input
          type="search"
          name={unit ? 'nameFilter' : 'unitFilter'}
          value={filter}
          placeholder={unit ? t.nameFilter : t.unitFilter}
          autocomplete="off"
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
      </label>
      {listing.state === 'loading' && <p class="muted center">{t.loadingList}</p>}
      {listing.state === 'network' && (
        <div class="center">
          <p class="error">{t.unreachable}</p>
          <button type="button" class="secondary" onClick={() => void load(unit?.id)}>{t.retry}</button>
        </div>
      )}
      {listing.state === 'ok' &&
        (unit ? (
          <Choices
            t={t}
            items={(listing.items as Person[]).filter((p) => matches(filter, p.name, p.post))}
            label={(p) => p.name}
            note={(p) => p.post}
            onPick={setPicked}
            testid="people"
          />
        ) : (
          <Choices
            t={t}
            items={(listing.items as Unit[]).filter((u) => matches(filter, u.name, u.path))}
            label={(u) => u.name}
            note={(u) => (u.path && u.path !== u.name ? `${u.path} · ${t.people(u.participants)}` : t.people(u.participants))}
            onPick={chooseUnit}
            testid="units"
          />
        ))}
    </section>
  );
}

function Choices<T extends { id: string }>(props: { t: Texts; items: T[]; label: (x: T) => string; note: (x: T) => string; onPick: (x: T) => void; testid: string }) {
  const { t, items } = props;
  const shown = useMemo(() => items.slice(0, SHOWN), [items]);
  if (items.length === 0) return <p class="muted center">{props.t.noMatch}</p>;
  return (
    <>
      <ul class="choices" data-testid={props.testid}>
        {shown.map((x) => (
          <li key={x.id}>
            <button type="button" onClick={() => props.onPick(x)}>
              <strong>{props.label(x)}</strong>
              {props.note(x) && <small>{props.note(x)}</small>}
            </button>
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p class="muted center">{t.more(items.length - SHOWN)}</p>}
    </>
  );
}
