/** The entry page's side: the session's counts and verdict, this page's log, double-entry differences, printing. */
import { App, Button, Card, Flex, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { PaperForm, SessionOverview } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { paperApi } from './api.js';
import { paperMessages } from './messages.js';
import type { Bilingual } from './sheet.js';

const VERDICT = { valid: ['success', 'verdictValid'], 'no-quorum': ['warning', 'verdictNoQuorum'], void: ['error', 'verdictVoid'] } as const;

export function CountsCard({ overview, onRefresh }: { overview: SessionOverview | undefined; onRefresh(): void }) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  const c = overview?.counts;
  const cells = [
    ['issued', c?.issued],
    ['returned', c?.returned],
    ['expected', c?.expected],
    ['valid', c?.validBallots],
    ['invalid', c?.invalidBallots],
    ['abstentions', c?.abstentions],
  ] as const;
  return (
    <Card size="small" title={t('countsTitle')} extra={<Button size="small" type="link" onClick={onRefresh}>{t('refresh')}</Button>} data-testid="session-counts">
      <div className="paper-counts">
        {cells.map(([key, value]) => (
          <div key={key}>
            <b data-count={key}>{value ?? '—'}</b>
            {t(key)}
          </div>
        ))}
      </div>
      {overview?.verdict && (
        <div className="paper-verdict" data-testid="session-verdict" data-status={overview.verdict.status}>
          <Tag color={VERDICT[overview.verdict.status][0]}>{t(VERDICT[overview.verdict.status][1])}</Tag>
          <Typography.Text type="secondary">{pick(overview.verdict.explanation)}</Typography.Text>
        </div>
      )}
      {overview && overview.groups.length > 1 && (
        <table className="paper-log" style={{ marginTop: 8 }}>
          <thead>
            <tr><th>{t('group')}</th><th>{t('issued')}</th><th>{t('returned')}</th></tr>
          </thead>
          <tbody>
            {overview.groups.map((g) => (
              <tr key={g.groupId}><td>{g.name}</td><td>{g.issued}</td><td>{g.returned}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export interface LogEntry {
  sheetNumber: string;
  valid: boolean;
  reasons: Bilingual[];
  /** The session was void (more returned than issued) once this sheet was stored. */
  sessionVoid: boolean;
}

export function LogCard({ log }: { log: LogEntry[] }) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  return (
    <Card size="small" title={t('logTitle')}>
      {log.length === 0 ? (
        <Typography.Text type="secondary">{t('logEmpty')}</Typography.Text>
      ) : (
        <table className="paper-log" data-testid="entry-log">
          <thead>
            <tr><th>{t('colSheet')}</th><th /></tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={e.sheetNumber}>
                <td>{e.sheetNumber}</td>
                <td>
                  {e.valid ? <span className="paper-tag ok">{t('logValid')}</span> : <span className="paper-tag bad">{t('logInvalid')}</span>}
                  {e.sessionVoid && <span className="paper-tag bad">{t('overReturnVoidTitle')}</span>}
                  {/* biome-ignore lint/suspicious/noArrayIndexKey: a stored sheet's reasons, in the server's order */}
                  {e.reasons.map((r, k) => <div key={k}>{pick(r)}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export interface MismatchRow {
  key: string;
  sheetNumber: string;
  label: string;
  stored: string;
  entered: string;
}

export function MismatchCard({ rows }: { rows: MismatchRow[] }) {
  const t = useT(paperMessages);
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('mismatchTitle')}>
      <table className="paper-log" data-testid="mismatches">
        <thead>
          <tr><th>{t('colSheet')}</th><th>{t('colItem')}</th><th>{t('colStored')}</th><th>{t('colEntered')}</th></tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.key}><td>{m.sheetNumber}</td><td>{m.label}</td><td>{m.stored}</td><td>{m.entered}</td></tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** Token slips (issued and printed at once: the secrets exist only on that page), the 计票单 and its workbook. */
export function PrintCard({ form, onIssued }: { form: PaperForm; onIssued(): void }) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  const { me } = useAuth();
  const { message } = App.useApp();
  const sessionId = form.session.sessionId;
  const [group, setGroup] = useState(form.groups[0]?.groupId);
  const [count, setCount] = useState(10);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const reason = (e: unknown) => (e instanceof ApiError ? pick(e.messages) : String(e));

  /** Opened inside the click, so no pop-up blocker stops it; filled once the page arrives. */
  const openWindow = () => {
    const win = window.open('', '_blank');
    if (!win) message.error(t('popupBlocked'));
    return win;
  };
  const show = (win: Window, html: string) => {
    win.document.open();
    win.document.write(html);
    win.document.close();
    // The window shares the console's content policy, which runs no inline handler: its 打印 button is wired here.
    for (const button of win.document.querySelectorAll('[onclick="window.print()"]')) {
      button.removeAttribute('onclick');
      button.addEventListener('click', () => win.print());
    }
  };
  const printTokens = async () => {
    if (!group) return;
    const win = openWindow();
    if (!win) return;
    setBusy(true);
    try {
      show(win, await paperApi.tokenSheet(sessionId, group, count, me?.csrfToken));
      setNote(t('printed', { count }));
      onIssued();
    } catch (e) {
      win.close();
      setNote(t('printFailed', { reason: reason(e) }));
    } finally {
      setBusy(false);
    }
  };
  const tallyReport = async () => {
    const win = openWindow();
    if (!win) return;
    try {
      show(win, await paperApi.tallyReportHtml(sessionId));
    } catch (e) {
      win.close();
      message.error(reason(e));
    }
  };
  const workbook = async () => {
    try {
      const url = URL.createObjectURL(await paperApi.tallyReportXlsx(sessionId));
      const link = document.createElement('a');
      link.href = url;
      link.download = `计票单-${form.session.name}.xlsx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      message.error(reason(e));
    }
  };
  return (
    <Card size="small" title={t('printTitle')}>
      <Flex vertical gap={8}>
        <Space wrap>
          <Select
            style={{ width: 180 }}
            value={group}
            onChange={setGroup}
            aria-label={t('group')}
            options={form.groups.map((g) => ({ value: g.groupId, label: g.name }))}
          />
          <InputNumber min={1} max={5000} value={count} onChange={(v) => setCount(v ?? 1)} aria-label={t('printCount')} style={{ width: 90 }} />
        </Space>
        <Button onClick={() => void printTokens()} loading={busy} disabled={form.session.status === 'closed'}>{t('printTokens')}</Button>
        <Space wrap>
          <Button onClick={() => void tallyReport()}>{t('tallyReport')}</Button>
          <Button onClick={() => void workbook()}>{t('exportXlsx')}</Button>
        </Space>
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </Flex>
    </Card>
  );
}
