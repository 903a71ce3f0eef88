/** The phone's pages other than the ballot: code entry (with why a code did not open), notices and the receipt. */
import { useState } from 'preact/hooks';
import type { Lang, Texts } from './i18n.js';
import type { ReceiptOf } from './store.js';

/** Why the code entry is shown instead of a ballot: a link that cannot hold a code, a code nobody issued, a revoked one. */
export type CodeTrouble = 'link' | 'unknown' | 'revoked';

export function Notice(props: { title: string; body: string; tone?: 'ok' | 'bad'; children?: preact.ComponentChildren }) {
  return (
    <section class={`notice${props.tone ? ` ${props.tone}` : ''}`} role="status">
      <h1>{props.title}</h1>
      {props.body && <p>{props.body}</p>}
      {props.children}
    </section>
  );
}

export function CodeEntry(props: { t: Texts; trouble: CodeTrouble | undefined; error: string | undefined; onCode: (typed: string) => void }) {
  const { t, trouble } = props;
  const [value, setValue] = useState('');
  const [typing, setTyping] = useState(false);
  return (
    <>
      {trouble && (
        <div class="trouble" role="alert" data-testid="code-trouble" data-trouble={trouble}>
          <h1>{t.trouble[trouble].title}</h1>
          <p>{t.trouble[trouble].body}</p>
        </div>
      )}
      <form
        class="notice"
        onSubmit={(e) => {
          e.preventDefault();
          setTyping(false);
          props.onCode(value);
        }}
      >
        {trouble ? <h2>{t.codeTitle}</h2> : <h1>{t.codeTitle}</h1>}
        <p class="muted">{t.codeHint}</p>
        <label class="field">
          <span>{t.codeLabel}</span>
          <input
            name="code"
            value={value}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={16}
            placeholder="XXXXX-XXXXX"
            onInput={(e) => {
              setValue((e.target as HTMLInputElement).value);
              setTyping(true);
            }}
          />
        </label>
        {props.error && !typing && <p class="error" role="alert">{props.error}</p>}
        <button type="submit" class="primary">{t.codeGo}</button>
      </form>
    </>
  );
}

/** The public list of the session's receipts, in the rater's language. */
export const receiptsHref = (sessionId: string, lang: Lang): string => `/receipts/${encodeURIComponent(sessionId)}${lang === 'en' ? '?lang=en' : ''}`;

/**
 * The receipt: sent from this phone (✓ submitted) or found on a code used before it came here (this code has been
 * used — never the ratings, only the receipt the server kept for the code's holder).
 */
export function ReceiptPage(props: { t: Texts; lang: Lang; receipt: string; of: ReceiptOf | undefined; children?: preact.ComponentChildren }) {
  const { t, of } = props;
  const here = of?.sentHere ?? true;
  return (
    <section class={`notice ${here ? 'ok' : 'used'}`} aria-live="polite" data-testid={here ? 'receipt-page' : 'used-page'}>
      <h1>{here ? `✓ ${t.receiptTitle}` : t.usedTitle}</h1>
      {!here && <p>{t.usedBody}</p>}
      {of && (
        <dl class="where">
          <dt>{t.campaignLabel}</dt>
          <dd data-testid="receipt-campaign">{of.campaign}</dd>
          <dt>{t.sessionLabel}</dt>
          <dd data-testid="receipt-session">{of.session}</dd>
        </dl>
      )}
      {props.receipt && (
        <>
          <p class="muted">{t.receiptCode}</p>
          <p class="receipt" data-testid="receipt">{props.receipt}</p>
        </>
      )}
      <p>{here ? t.receiptKeep : t.usedNotYou}</p>
      {of && (
        <>
          <p>{t.receiptCheck}</p>
          <a class="button" href={receiptsHref(of.sessionId, props.lang)} data-testid="receipts-link">{t.receiptsLink}</a>
        </>
      )}
      {props.children}
    </section>
  );
}
