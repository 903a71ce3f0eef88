/**
 * 纸质票录入 (/console/sessions/:sessionId/paper): the clerk types a session's paper sheets with the keyboard, logged in
 * like everyone else. The page gets its own sheet number from the server (unique in the session, kept through a
 * reload), shows issued and returned before each sheet, and asks before saving a sheet that would void the session.
 * Double entry (核对录入) types a stored sheet again and lists the differences.
 */
import { Alert, App, Button, Card, Col, Flex, Input, Row, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { PaperEntryRequest, PaperForm } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { deskId, paperApi } from './api.js';
import { paperMessages } from './messages.js';
import { EntryResult, type ResultView } from './EntryResult.js';
import { CountsCard, LogCard, MismatchCard, PrintCard, type LogEntry, type MismatchRow } from './SidePanels.js';
import { SheetGrid, type FocusRequest } from './SheetGrid.js';
import { emptySheet, excludedCount, findBoundUnit, firstCursor, followingSheetNumber, lineInProgress, sheetRequest, withBound, type Bilingual, type Sheet } from './sheet.js';
import './paper.css';

export default function PaperEntryPage() {
  const { sessionId = '' } = useParams();
  const form = useApi(() => paperApi.form(sessionId), [sessionId]);
  if (form.error) return <ErrorState error={form.error} onRetry={form.reload} />;
  if (!form.data) return <Loading />;
  return <PaperDesk key={sessionId} form={form.data} />;
}

const STATUS_COLOR = { draft: 'warning', open: 'processing', closed: 'default' } as const;

/** A refusal's details as the server sends them: a code, a bilingual message, and where (instrument, subject). */
interface Detail {
  code?: string;
  message?: Bilingual;
  instrumentId?: string;
  subjectId?: string;
  /** over_return: the sheets issued and returned before this one. */
  issued?: number;
  returned?: number;
}

const detailsOf = (e: ApiError): Detail[] => (Array.isArray(e.details) ? (e.details as Detail[]) : []);

function PaperDesk({ form }: { form: PaperForm }) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  const { modal } = App.useApp();
  const sessionId = form.session.sessionId;
  const desk = useMemo(deskId, []);
  useEffect(() => currentCampaign.set(form.session.campaignId), [form.session.campaignId]);

  const [groupId, setGroupId] = useState(form.groups[0]?.groupId ?? null);
  const group = form.groups.find((g) => g.groupId === groupId) ?? null;
  const [sheet, setSheet] = useState<Sheet>(() => emptySheet(group));
  const [focus, setFocus] = useState<FocusRequest>({ field: null, seq: 1 });
  const focusGrid = useCallback((field: string | null = null) => setFocus((f) => ({ field, seq: f.seq + 1 })), []);
  const [sheetNumber, setSheetNumber] = useState('');
  const [given, setGiven] = useState<{ number: string | null; error: unknown }>({ number: null, error: null });
  const [raterName, setRaterName] = useState('');
  const [boundText, setBoundText] = useState('');
  const [boundMissing, setBoundMissing] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<ResultView | null>(null);
  const [log, setLog] = useState<LogEntry[]>(() => readLog(sessionId));
  useEffect(() => writeLog(sessionId, log), [sessionId, log]);
  const [mismatches, setMismatches] = useState<MismatchRow[]>([]);
  const busy = useRef(false);
  const dialogOpen = useRef(false);
  const numberField = useRef<HTMLInputElement | null>(null);
  const boundField = useRef<HTMLInputElement | null>(null);
  const raterField = useRef<HTMLInputElement | null>(null);
  const overview = useApi(() => paperApi.session(sessionId), [sessionId]);
  const reloadCounts = overview.reload;

  // Counts move with other clerks and the phones: refreshed every 15 s, and after each sheet.
  useEffect(() => {
    const timer = setInterval(reloadCounts, 15_000);
    return () => clearInterval(timer);
  }, [reloadCounts]);

  /** This page's number for its next sheet (the same again after a reload until a sheet is stored under it). */
  const takeNumber = useCallback(async () => {
    try {
      const { sheetNumber: n } = await paperApi.sheetNumber(sessionId, desk);
      setGiven({ number: n, error: null });
      setSheetNumber(n);
    } catch (error) {
      setGiven({ number: null, error });
    }
  }, [sessionId, desk]);
  useEffect(() => {
    if (form.session.status !== 'draft') void takeNumber();
  }, [form.session.status, takeNumber]);

  /** The next sheet: nothing typed, no rater's unit; a named group's sheet starts at its rater's name. */
  const newSheet = (keepResult = true) => {
    setSheet(emptySheet(group));
    setBoundText('');
    setBoundMissing(null);
    setRaterName('');
    if (!keepResult) setResult(null);
    if (group?.mode === 'named') raterField.current?.focus();
    else focusGrid();
  };

  const chooseGroup = (id: string) => {
    const next = form.groups.find((g) => g.groupId === id) ?? null;
    setGroupId(id);
    setSheet(emptySheet(next));
    setBoundText('');
    setBoundMissing(null);
    focusGrid();
  };

  /** Takes the typed 所属单位: 'same', 'changed' (its subjects left the sheet), or 'missing' (no such unit). */
  const takeBound = (text = boundText): 'same' | 'changed' | 'missing' => {
    if (!group) return 'same';
    const unit = findBoundUnit(group, text);
    if (unit === undefined) {
      setBoundMissing(text.trim());
      return 'missing';
    }
    setBoundMissing(null);
    setBoundText(unit?.label ?? '');
    const bound = unit?.unitId ?? null;
    if (bound === sheet.bound) return 'same';
    setSheet(withBound(group, sheet, bound));
    return 'changed';
  };

  const submit = async (options: { asInvalid?: boolean; confirmOverReturn?: boolean } = {}, request?: PaperEntryRequest) => {
    if (busy.current || dialogOpen.current || !group) return;
    let body = request;
    if (!body) {
      if (!sheetNumber.trim()) {
        setResult({ type: 'note', key: 'needSheetNumber' });
        numberField.current?.focus();
        return;
      }
      const bound = takeBound();
      if (bound === 'missing') {
        boundField.current?.focus();
        return;
      }
      if (bound === 'changed') {
        // Typed but not yet taken: the clerk sees which subjects left the sheet before saving it.
        setResult({ type: 'note', key: 'boundUpdated' });
        focusGrid();
        return;
      }
      if (lineInProgress(sheet.line)) {
        setResult({ type: 'note', key: 'lineOpen' });
        return;
      }
      body = sheetRequest(group, sheet, { sheetNumber, raterName, desk });
    }
    busy.current = true;
    try {
      if (checking) await check(body);
      else await save({ ...body, ...options });
    } finally {
      busy.current = false;
    }
  };
  const latestSubmit = useRef(submit);
  latestSubmit.current = submit;

  // Ctrl+Enter saves from anywhere on the page.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
      e.preventDefault();
      void latestSubmit.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /**
   * A decision before saving: the safe answer has the focus, so an Enter typed by habit does not confirm. Once the
   * dialog is gone the focus goes back into the sheet — to `cancelFocus` after the safe answer.
   */
  const ask = (config: { title: string; content: ReactNode; okText: string; cancelText: string; onOk(): void; cancelFocus: string | null }) => {
    dialogOpen.current = true;
    let focusAfter: string | null = null;
    modal.confirm({
      title: config.title,
      content: config.content,
      okText: config.okText,
      cancelText: config.cancelText,
      width: 520,
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      focusTriggerAfterClose: false,
      onOk: () => {
        dialogOpen.current = false;
        config.onOk();
      },
      onCancel: () => {
        dialogOpen.current = false;
        focusAfter = config.cancelFocus;
      },
      // Unless the clerk has already gone on somewhere (the dialog fades out for a moment).
      afterClose: () => {
        const active = document.activeElement;
        if (!active || active === document.body || active.closest('.ant-modal-root')) focusGrid(focusAfter);
      },
    });
  };

  const save = async (body: PaperEntryRequest) => {
    if (!group) return;
    try {
      const receipt = await paperApi.enter(sessionId, body);
      setResult({ type: 'saved', sheetNumber: body.sheetNumber, receipt });
      setLog((l) => [{ sheetNumber: body.sheetNumber, valid: receipt.valid, reasons: receipt.problems.map((p) => p.message), sessionVoid: receipt.session.overReturned }, ...l.filter((e) => e.sheetNumber !== body.sheetNumber)]);
      newSheet();
      reloadCounts();
      await takeNumber();
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setResult({ type: 'failed', message: { zh: String(e), en: String(e) } });
        return;
      }
      const details = detailsOf(e);
      if (e.code === 'over_return') {
        reloadCounts();
        // The counts before this sheet: already more back than issued, or this sheet would be the first one too many.
        const counts = details.find((d) => d.code === 'over_return');
        const alreadyVoid = counts?.returned !== undefined && counts.issued !== undefined && counts.returned > counts.issued;
        setResult({ type: 'refused', error: e });
        ask({
          title: t(alreadyVoid ? 'overReturnVoidTitle' : 'overReturnTitle'),
          content: (
            <div data-testid="over-return-dialog">
              <p>{pick(e.messages)}</p>
              <p>{t('overReturnRule')}</p>
            </div>
          ),
          okText: t('overReturnConfirm'),
          cancelText: t('overReturnCancel'),
          onOk: () => void submit({}, { ...body, confirmOverReturn: true }),
          cancelFocus: null,
        });
        return;
      }
      setResult({ type: 'refused', error: e });
      const focusAt = refusedOpinions(details);
      if (e.code === 'sheet_number_taken') numberField.current?.focus();
      // Only what the paper itself can be guilty of (a blank, a missing opinion…) may be stored as a 无效票.
      const paperOnly = !body.asInvalid && e.code === 'ballot_refused' && details.length > 0 && details.every((d) => d.code !== undefined && form.paperDefects.includes(d.code));
      if (!paperOnly) {
        if (focusAt) focusGrid('opinion');
        return;
      }
      ask({
        title: t('incompleteTitle'),
        content: (
          <div data-testid="incomplete-dialog">
            {/* biome-ignore lint/suspicious/noArrayIndexKey: the refusal's reasons in the server's order, drawn once */}
            {details.map((d, k) => <div key={k}>{d.message ? pick(d.message) : ''}</div>)}
            <p style={{ marginTop: 8 }}>{t('incompleteBody')}</p>
          </div>
        ),
        okText: t('saveAsInvalid'),
        cancelText: t('backToSheet'),
        onOk: () => void submit({}, { ...body, asInvalid: true }),
        cancelFocus: focusAt ? 'opinion' : null,
      });
    }
  };

  /**
   * After a refusal for missing or too long opinions: each such field shows the server's reason, and the cursor goes
   * to the first (the reasons are also listed under the sheet, which may be scrolled out of view). True when one was found.
   */
  const refusedOpinions = (details: Detail[]): boolean => {
    if (!group) return false;
    let first: { i: number; j: number } | null = null;
    const refusals: Record<string, Bilingual> = {};
    for (const d of details) {
      if (d.code !== 'opinion_required' && d.code !== 'opinion_too_long') continue;
      const i = group.instruments.findIndex((it) => it.instrumentId === d.instrumentId);
      const j = i < 0 ? -1 : group.instruments[i]!.subjects.findIndex((s) => s.subjectId === d.subjectId);
      if (j < 0 || !d.message) continue;
      refusals[`${i}-${j}`] = d.message;
      first ??= { i, j };
    }
    if (!first) return false;
    const at = first;
    setSheet((s) => ({ ...s, opinionRefusals: refusals, cursor: at, line: { itemId: '', points: '', reason: '', problem: null } }));
    return true;
  };

  const check = async (body: PaperEntryRequest) => {
    try {
      const verification = await paperApi.verify(sessionId, body);
      setResult({ type: 'checked', sheetNumber: body.sheetNumber, verification });
      if (!verification.matches) {
        setMismatches((rows) => [...verification.mismatches.map((m, k) => ({ key: `${body.sheetNumber}-${rows.length}-${k}`, sheetNumber: body.sheetNumber, label: m.label, stored: m.stored, entered: m.entered })), ...rows]);
      }
      setSheetNumber(followingSheetNumber(body.sheetNumber));
      newSheet();
    } catch (e) {
      setResult({ type: 'checkFailed', message: e instanceof ApiError ? e.messages : { zh: String(e), en: String(e) } });
    }
  };

  const toggleChecking = (on: boolean) => {
    setChecking(on);
    setResult(null);
    if (on) numberField.current?.focus();
    else {
      setSheetNumber(given.number ?? '');
      focusGrid();
    }
  };

  /** Enter in a header field: on to the sheet's first subject. */
  const headerEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    setSheet((s) => ({ ...s, cursor: firstCursor(group, s.bound), line: { itemId: '', points: '', reason: '', problem: null } }));
    focusGrid();
  };

  const counts = overview.data?.counts ?? null;
  const boundUnit = group?.boundUnits.find((u) => u.unitId === sheet.bound);
  const title = `${form.session.campaignName} · ${form.session.name}`;
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={
          <Space size={8}>
            <span data-testid="paper-session">{title}</span>
            <Tag color={STATUS_COLOR[form.session.status]}>{t(form.session.status)}</Tag>
          </Space>
        }
        extra={<Link to={paths.paperSessions()}>{t('otherSessions')}</Link>}
      />
      <Row gutter={16} align="top">
        <Col xs={24} xl={17}>
          <Card
            className={checking ? 'paper-card checking' : 'paper-card'}
            title={
              <Space wrap size={16}>
                <span>{t(checking ? 'checkCard' : 'entryCard')}</span>
                {checking && <Tag color="blue">{t('verifyBadge')}</Tag>}
              </Space>
            }
          >
            {form.session.status === 'draft' ? (
              <Alert type="warning" showIcon title={t('draftSession')} />
            ) : given.error ? (
              <ErrorState error={given.error} onRetry={() => void takeNumber()} />
            ) : !group ? (
              <Typography.Paragraph type="secondary">{t('noGroups')}</Typography.Paragraph>
            ) : (
              <>
                <Flex wrap gap={12} align="center" className="paper-header">
                  <span className="paper-field">
                    <label htmlFor="paper-group">{t('group')}</label>
                    <Select
                      id="paper-group"
                      style={{ minWidth: 180 }}
                      value={group.groupId}
                      onChange={chooseGroup}
                      aria-label={t('group')}
                      data-testid="group"
                      options={form.groups.map((g) => ({ value: g.groupId, label: g.mode === 'named' ? t('namedGroup', { name: g.name }) : g.name }))}
                    />
                  </span>
                  <Tooltip title={t('sheetNumberTip')}>
                    <span className="paper-field">
                      <label htmlFor="paper-sheet-number">{t('sheetNumber')}</label>
                      <Input id="paper-sheet-number" ref={(r) => void (numberField.current = r?.input ?? null)} data-testid="sheet-number" style={{ width: 120 }} value={sheetNumber} onChange={(e) => setSheetNumber(e.target.value)} onKeyDown={headerEnter} autoComplete="off" />
                    </span>
                  </Tooltip>
                  {group.mode === 'named' && (
                    <span className="paper-field">
                      <label htmlFor="paper-rater-name">{t('raterName')}</label>
                      <Input id="paper-rater-name" ref={(r) => void (raterField.current = r?.input ?? null)} data-testid="rater-name" style={{ width: 140 }} value={raterName} onChange={(e) => setRaterName(e.target.value)} onKeyDown={headerEnter} autoComplete="off" />
                    </span>
                  )}
                  {group.boundUnits.length > 0 && (
                    <Tooltip title={t('boundUnitTip')}>
                      <span className="paper-field">
                        <label htmlFor="paper-bound-unit">{t('boundUnit')}</label>
                        <Input
                          id="paper-bound-unit"
                          ref={(r) => void (boundField.current = r?.input ?? null)}
                          data-testid="bound-unit"
                          list={`bound-units-${group.groupId}`}
                          style={{ width: 200 }}
                          placeholder={t('boundNone')}
                          autoComplete="off"
                          status={boundMissing !== null ? 'error' : undefined}
                          value={boundText}
                          onChange={(e) => {
                            setBoundText(e.target.value);
                            // A unit picked from the list is taken at once, so its subjects leave the sheet as it is chosen.
                            if (group.boundUnits.some((u) => u.label === e.target.value)) takeBound(e.target.value);
                          }}
                          onBlur={(e) => void takeBound(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
                            e.preventDefault();
                            if (takeBound(e.currentTarget.value) !== 'missing') focusGrid();
                          }}
                        />
                        <datalist id={`bound-units-${group.groupId}`}>
                          {group.boundUnits.map((u) => <option key={u.unitId} value={u.label} />)}
                        </datalist>
                      </span>
                    </Tooltip>
                  )}
                  <span data-testid="bound-info" className={boundMissing !== null ? 'paper-bound bad' : 'paper-bound'}>
                    {boundMissing !== null ? t('boundNotFound', { text: boundMissing }) : boundUnit ? t('boundInfo', { name: boundUnit.name, n: excludedCount(group, sheet.bound) }) : ''}
                  </span>
                  <span className="paper-field">
                    <Switch id="paper-check-mode" checked={checking} onChange={toggleChecking} data-testid="check-mode" />
                    <label htmlFor="paper-check-mode">{t('verifyMode')}</label>
                  </span>
                </Flex>
                {!checking && counts && <ReturnStrip issued={counts.issued} returned={counts.returned} />}
                <SheetGrid
                  group={group}
                  sheet={sheet}
                  focus={focus}
                  onChange={(next, field) => {
                    setSheet(next);
                    if (field !== undefined) focusGrid(field);
                  }}
                  onSubmit={() => void submit()}
                />
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" data-testid="save-sheet" onClick={() => void submit()}>{t(checking ? 'check' : 'save')}</Button>
                  <Button onClick={() => newSheet(false)}>{t('clear')}</Button>
                </Space>
                {result && <EntryResult result={result} />}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16}>
            <CountsCard overview={overview.data} onRefresh={reloadCounts} />
            <LogCard log={log} />
            <MismatchCard rows={mismatches} />
            <PrintCard form={form} onIssued={reloadCounts} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** This page's log lives as long as its tab, through reloads (like its sheet number). */
const logKey = (sessionId: string) => `leitai.paper.log.${sessionId}`;

function readLog(sessionId: string): LogEntry[] {
  try {
    const stored = JSON.parse(sessionStorage.getItem(logKey(sessionId)) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as LogEntry[]) : [];
  } catch {
    return [];
  }
}

function writeLog(sessionId: string, log: LogEntry[]): void {
  sessionStorage.setItem(logKey(sessionId), JSON.stringify(log.slice(0, 500)));
}

/** Issued and returned before the sheet is saved, and a warning when saving it would void the session. */
function ReturnStrip({ issued, returned }: { issued: number; returned: number }) {
  const t = useT(paperMessages);
  const next = returned + 1;
  return (
    <div className="paper-returns" data-testid="issued-returned">
      <span>{t('issuedReturned', { issued, returned, next })}</span>
      {next > issued && <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="over-return-ahead" title={t('overReturnAhead', { next, issued })} />}
    </div>
  );
}
