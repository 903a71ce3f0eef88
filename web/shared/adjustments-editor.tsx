/**
 * One subject's 加减分 on a phone page (Preact: the ballot, web/rate, and the observer's tour page, web/tour): “＋ 加分” /
 * “－ 减分” add a row — item, points with − / + on the instrument's step, a written reason — kept in the draft as it is
 * typed, so a reload loses nothing. The running totals sit against the caps; a total over its cap says what will
 * happen: it counts as the cap (封顶), or under the strict reading the sheet cannot be handed in until it is within.
 */
import type { AdjustmentTexts } from './adjustment-texts.js';
import { adjustmentTotals, capWarnings, itemOf, itemStep, pointsFit, stepPoints, type AdjustmentConfig, type AdjustmentDraft, type Direction } from './adjustments.js';
import './adjustments-editor.css';

interface Props {
  t: AdjustmentTexts;
  config: AdjustmentConfig;
  /** The − / + step: the instrument's score step, or 1. */
  step: string;
  subjectName: string;
  list: AdjustmentDraft[];
  locked: boolean;
  onChange: (list: AdjustmentDraft[]) => void;
}

const DIRECTIONS: Direction[] = ['bonus', 'deduction'];

export function AdjustmentsEditor(p: Props) {
  const { t, config, list } = p;
  const totals = adjustmentTotals(config, list);
  const warnings = capWarnings(config, list);
  const replace = (k: number, a: AdjustmentDraft) => p.onChange(list.map((x, i) => (i === k ? a : x)));
  const add = (direction: Direction) => {
    const items = config.items.filter((i) => i.direction === direction);
    p.onChange([...list, { direction, itemId: items.length === 1 ? items[0]!.id : '', points: '', reason: '' }]);
  };
  const directions = DIRECTIONS.filter((d) => config.items.some((i) => i.direction === d));
  return (
    // biome-ignore lint/a11y/useSemanticElements: only names the rows for a screen reader; a fieldset would bring its own border, padding and disabled cascade
    <div class="adjs" role="group" aria-label={`${p.subjectName} · ${t.adjTitle}`}>
      {list.map((a, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a draft row has no id: its index is its identity (replace and remove go by it); the row is controlled and keeps no state
        <AdjustmentRow key={k} {...p} a={a} onEdit={(next) => replace(k, next)} onRemove={() => p.onChange(list.filter((_, i) => i !== k))} />
      ))}
      <p class="adj-totals" data-testid="adj-totals">
        {list.length === 0 && <span class="muted">{t.adjNone} · </span>}
        <span class={totals.bonusOver ? 'over' : ''}>
          {t.adjTotals(true)} <b>{totals.bonus}</b> / {t.adjCap} {config.maxTotalBonus}
        </span>
        {' · '}
        <span class={totals.deductionOver ? 'over' : ''}>
          {t.adjTotals(false)} <b>{totals.deduction}</b> / {t.adjCap} {config.maxTotalDeduction}
        </span>
      </p>
      {warnings.map((w) => (
        <p key={w.direction} class={`adj-cap ${w.strict ? 'breaks' : 'warn'}`} data-testid="adj-cap-warning" role="status">
          {w.strict ? t.adjOverCapStrict(w.direction === 'bonus', w.total, w.cap) : t.adjOverCapCeiling(w.direction === 'bonus', w.total, w.cap)}
        </p>
      ))}
      <div class="adj-add">
        {directions.map((d) => (
          <button type="button" key={d} class={d} disabled={p.locked} onClick={() => add(d)}>
            {t.adjAdd(d === 'bonus')}
          </button>
        ))}
      </div>
    </div>
  );
}

function AdjustmentRow(p: Props & { a: AdjustmentDraft; onEdit: (a: AdjustmentDraft) => void; onRemove: () => void }) {
  const { t, a, config } = p;
  const bonus = a.direction === 'bonus';
  const item = itemOf(config, a.itemId);
  const points = (up: boolean) => item && p.onEdit({ ...a, points: stepPoints(a.points, itemStep(item, p.step), item.maxPoints, up) });
  return (
    <div class={`adj ${a.direction}`} data-adj-item={a.itemId}>
      <div class="adj-head">
        <select
          aria-label={t.adjChoose(bonus)}
          class={item ? '' : 'need'}
          value={a.itemId}
          disabled={p.locked}
          onChange={(e) => p.onEdit({ ...a, itemId: (e.target as HTMLSelectElement).value })}
        >
          <option value="" disabled>
            {t.adjChoose(bonus)}
          </option>
          {config.items
            .filter((i) => i.direction === a.direction)
            .map((i) => (
              <option key={i.id} value={i.id}>{t.adjOption(i.label, i.maxPoints)}</option>
            ))}
        </select>
        <button type="button" class="adj-del" aria-label={t.adjRemove} title={t.adjRemove} disabled={p.locked} onClick={p.onRemove}>
          ✕
        </button>
      </div>
      <div class="adj-points">
        <button type="button" aria-label={t.adjMinus} disabled={p.locked || !item} onClick={() => points(false)}>
          −
        </button>
        <input
          name="points"
          inputMode="decimal"
          aria-label={t.adjPoints}
          placeholder={t.adjPoints}
          class={a.points && item && !pointsFit(a.points, item) ? 'bad' : ''}
          value={a.points}
          disabled={p.locked}
          onInput={(e) => p.onEdit({ ...a, points: (e.target as HTMLInputElement).value })}
        />
        <button type="button" aria-label={t.adjPlus} disabled={p.locked || !item} onClick={() => points(true)}>
          +
        </button>
        {item && <span class="muted">{item.step === undefined ? t.adjMax(item.maxPoints) : t.adjMaxStep(item.maxPoints, item.step)}</span>}
      </div>
      <textarea
        name="reason"
        rows={2}
        maxLength={2000}
        aria-label={t.adjReason}
        placeholder={t.adjReason}
        class={/\S/.test(a.reason) ? '' : 'need'}
        value={a.reason}
        disabled={p.locked}
        onInput={(e) => p.onEdit({ ...a, reason: (e.target as HTMLTextAreaElement).value })}
      />
    </div>
  );
}
