/** What became of the last sheet: saved (valid, or 无效票 with its reasons), refused and why, or checked. */
import type { ReactNode } from 'react';
import type { ApiError } from '../../api/client.js';
import type { PaperReceipt, PaperVerification } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { paperMessages } from './messages.js';
import type { Bilingual } from './sheet.js';

export type ResultView =
  | { type: 'note'; key: 'needSheetNumber' | 'boundUpdated' | 'lineOpen' }
  | { type: 'saved'; sheetNumber: string; receipt: PaperReceipt }
  | { type: 'refused'; error: ApiError }
  | { type: 'failed'; message: Bilingual }
  | { type: 'checked'; sheetNumber: string; verification: PaperVerification }
  | { type: 'checkFailed'; message: Bilingual };

export function EntryResult({ result }: { result: ResultView }) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  const box = (ok: boolean, body: ReactNode) => (
    <div className={`paper-result ${ok ? 'ok' : 'bad'}`} data-testid="sheet-result" data-kind={ok ? 'ok' : 'bad'}>
      {body}
    </div>
  );
  switch (result.type) {
    case 'note':
      return box(false, t(result.key));
    case 'saved': {
      const r = result.receipt;
      const again = r.duplicate ? t('savedAgain') : '';
      const voided = r.session.overReturned ? <div className="paper-void">{t('savedVoid', { returned: r.session.returned, issued: r.session.issued })}</div> : null;
      if (r.valid) return box(!r.session.overReturned, <>{t('savedValid', { n: result.sheetNumber, again, receipt: r.receipt })}{voided}</>);
      return box(false, (
        <>
          {t('savedInvalid', { n: result.sheetNumber, again })}
          {r.problems.map((p) => <div key={`${p.instrumentId}-${p.code}-${p.subjectId ?? ''}-${p.ruleId ?? ''}`}>{pick(p.message)}</div>)}
          {voided}
        </>
      ));
    }
    case 'refused': {
      const e = result.error;
      const details = Array.isArray(e.details) ? (e.details as { message?: Bilingual }[]) : [];
      return box(false, (
        <>
          {t('notSaved', { reason: pick(e.messages) })}
          {/* biome-ignore lint/suspicious/noArrayIndexKey: the refusal's reasons in the server's order, drawn once */}
          {e.code !== 'over_return' && details.map((d, k) => (d.message ? <div key={k}>{pick(d.message)}</div> : null))}
          {e.code === 'sheet_conflict' && <div>{t('conflictHint')}</div>}
        </>
      ));
    }
    case 'failed':
      return box(false, t('notSaved', { reason: pick(result.message) }));
    case 'checked': {
      const v = result.verification;
      return box(v.matches, v.matches ? t('checkedSame', { n: result.sheetNumber }) : t('checkedDiffers', { n: result.sheetNumber, count: v.mismatches.length }));
    }
    case 'checkFailed':
      return box(false, t('checkFailed', { reason: pick(result.message) }));
  }
}
