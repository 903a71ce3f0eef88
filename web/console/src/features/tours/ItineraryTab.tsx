/**
 * 行程: the itinerary planner. Days are sections in order; each day's stops are in order, with site, county, theme,
 * address and planned time. The office reorders a stop within its day with up/down buttons (keyboard: Tab to a
 * button, Enter or Space; the focus follows the stop), moves it to another day with a select, adds a site not yet
 * planned, removes a stop, and saves the whole plan at once. The server's check of the saved plan (each site once,
 * every county covered, …) shows above it. The saved plan prints on A4 and exports to xlsx.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { errorLines, errorText } from '../../api/error-text.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { downloadFile } from '../training/files.js';
import { tourApi } from './api.js';
import { tourMessages } from './messages.js';
import {
  addDay,
  addStop,
  entryProblems,
  moveToDay,
  moveWithinDay,
  type Plan,
  type PlanDay,
  type PlanStop,
  planOf,
  planProblems,
  removeDay,
  removeStop,
  samePlan,
  toInput,
  unplannedSites,
  updateDay,
  updateStop,
  validTime,
} from './plan.js';
import type { ItineraryProblem, TourSite, TourView } from '../../api/types.js';

const DAY = 'YYYY-MM-DD';

interface Props {
  view: TourView;
  office: boolean;
  onSaved(view: TourView): void;
}

export function ItineraryTab({ view, office, onSaved }: Props) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const saved = useMemo(() => planOf(view), [view]);
  const [plan, setPlan] = useState<Plan>(saved);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);
  const [addingDay, setAddingDay] = useState(false);
  const [downloading, setDownloading] = useState<'pdf' | 'xlsx' | null>(null);
  const nextKey = useRef(0);
  const focusAfter = useRef<{ key: string; dir: 'up' | 'down' } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => setPlan(saved), [saved]);

  // After a move the focus stays on the moved stop's button, so the keyboard can keep moving it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the moved plan is drawn, reading the DOM as drawn
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    focusAfter.current = null;
    const row = root.current?.querySelector(`[data-stop-key="${CSS.escape(f.key)}"]`);
    const wanted = row?.querySelector<HTMLButtonElement>(`button[data-move="${f.dir}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`button[data-move="${f.dir === 'up' ? 'down' : 'up'}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [plan]);

  const sites = useMemo(() => {
    const m = new Map<string, TourSite>(view.sites.map((s) => [s.subjectId, s]));
    for (const d of view.days) for (const s of d.stops) if (!m.has(s.subjectId)) m.set(s.subjectId, s);
    return m;
  }, [view]);
  const dirty = !samePlan(plan, saved);
  const problems = entryProblems(plan);
  const check = useMemo(() => (dirty ? planProblems(plan, view.sites) : view.check), [dirty, plan, view]);
  const badDays = new Set(problems.flatMap((p) => (p.kind === 'date' ? [p.dayKey] : [])));
  const unplanned = unplannedSites(plan, view.sites);
  const newKey = () => `new-${++nextKey.current}`;

  const save = async () => {
    if (problems.length > 0) {
      message.error(t('entryProblems'));
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const next = await tourApi.saveItinerary(view.id, toInput(plan));
      message.success(t('planSaved'));
      onSaved(next);
    } catch (e) {
      setRefusal(e instanceof ApiError ? { title: pick(e.messages), lines: errorLines(e, pick) } : { title: String(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  const download = async (kind: 'pdf' | 'xlsx') => {
    setDownloading(kind);
    try {
      const url = kind === 'pdf' ? tourApi.itineraryPdfUrl(view.id) : tourApi.itineraryXlsxUrl(view.id);
      await downloadFile(url, `${view.name}-行程.${kind}`);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setDownloading(null);
    }
  };

  const move = (key: string, delta: -1 | 1) => {
    focusAfter.current = { key, dir: delta < 0 ? 'up' : 'down' };
    setPlan((p) => moveWithinDay(p, key, delta));
  };

  return (
    <div ref={root}>
      <CheckAlert check={check} dirty={dirty} />
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 12 }}
          title={refusal.title}
          description={refusal.lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.lines.map((l) => <li key={l}>{l}</li>)}</ul>}
          data-testid="itinerary-refusal"
        />
      )}
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          {office && (
            <>
              <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="save-itinerary">{t('savePlan')}</Button>
              <Button disabled={!dirty || busy} onClick={() => { setPlan(saved); setRefusal(null); }} data-testid="discard-itinerary">{t('undo')}</Button>
              <Button onClick={() => setAddingDay(true)} data-testid="add-day">{t('addDay')}</Button>
            </>
          )}
        </Space>
        <Space wrap>
          {dirty && <Typography.Text type="secondary">{t('downloadUnsaved')}</Typography.Text>}
          <Button loading={downloading === 'pdf'} onClick={() => void download('pdf')} data-testid="itinerary-pdf">{t('downloadPdf')}</Button>
          <Button loading={downloading === 'xlsx'} onClick={() => void download('xlsx')} data-testid="itinerary-xlsx">{t('downloadXlsx')}</Button>
        </Space>
      </Flex>
      {plan.length === 0 && <Empty description={t('noDays')} />}
      <Flex vertical gap={16}>
        {plan.map((d, index) => (
          <DaySection
            key={d.key}
            day={d}
            index={index}
            plan={plan}
            office={office}
            sites={sites}
            unplanned={unplanned}
            badDate={badDays.has(d.key)}
            onPlan={setPlan}
            onMove={move}
            newKey={newKey}
          />
        ))}
      </Flex>
      {addingDay && (
        <AddDayModal
          plan={plan}
          onDone={(day) => {
            setAddingDay(false);
            if (day) setPlan((p) => addDay(p, day, newKey()));
          }}
        />
      )}
    </div>
  );
}

/** The check of the saved plan (the server's answer) or, while there are unsaved changes, of the plan as edited. */
function CheckAlert({ check, dirty }: { check: readonly ItineraryProblem[]; dirty: boolean }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {check.length === 0 ? (
        <Alert type="success" showIcon title={t(dirty ? 'noProblemsEdited' : 'noProblems')} data-testid="itinerary-check-ok" />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t(dirty ? 'problemsEdited' : 'problemsTitle')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{check.map((p) => <li key={`${p.code}:${p.subjectId ?? p.unitId ?? p.dayId ?? ''}:${p.message.zh}`}>{pick(p.message)}</li>)}</ul>}
          data-testid="itinerary-check"
        />
      )}
      {dirty && <Alert type="info" showIcon title={t('unsaved')} data-testid="itinerary-unsaved" />}
    </Flex>
  );
}

interface DayProps {
  day: PlanDay;
  index: number;
  plan: Plan;
  office: boolean;
  sites: Map<string, TourSite>;
  unplanned: TourSite[];
  badDate: boolean;
  onPlan(update: (p: Plan) => Plan): void;
  onMove(stopKey: string, delta: -1 | 1): void;
  newKey(): string;
}

function DaySection({ day: d, index, plan, office, sites, unplanned, badDate, onPlan, onMove, newKey }: DayProps) {
  const t = useT(tourMessages);
  const { paren } = usePunctuation();
  const siteName = (s: PlanStop) => sites.get(s.subjectId)?.siteName ?? s.subjectId;
  const dayOptions = plan.map((x, i) => ({ value: x.key, label: `${t('dayN', { n: i + 1 })}${paren(x.date.slice(5))}` }));
  const byCounty = new Map<string, TourSite[]>();
  for (const s of unplanned) byCounty.set(s.unitName, [...(byCounty.get(s.unitName) ?? []), s]);

  const title = office ? (
    <Flex gap={8} align="center" wrap>
      <Typography.Text strong>{t('dayN', { n: index + 1 })}</Typography.Text>
      <DatePicker
        value={dayjs(d.date, DAY, true).isValid() ? dayjs(d.date, DAY) : null}
        format={DAY}
        allowClear={false}
        status={badDate ? 'error' : undefined}
        onChange={(v: Dayjs | null) => v && onPlan((p) => updateDay(p, d.key, { date: v.format(DAY) }))}
        aria-label={`${t('dayN', { n: index + 1 })} ${t('dayDate')}`}
        data-testid={`day-date-${index}`}
      />
      <Input
        value={d.label}
        onChange={(e) => onPlan((p) => updateDay(p, d.key, { label: e.target.value }))}
        placeholder={t('dayLabelPlaceholder')}
        maxLength={100}
        style={{ width: 240 }}
        aria-label={`${t('dayN', { n: index + 1 })} ${t('dayLabel')}`}
        data-testid={`day-label-${index}`}
      />
    </Flex>
  ) : (
    <Space>
      <Typography.Text strong>{t('dayN', { n: index + 1 })}</Typography.Text>
      <span>{d.date}</span>
      {d.label && <Typography.Text type="secondary">{d.label}</Typography.Text>}
    </Space>
  );

  const columns = [
    { title: t('order'), key: 'order', width: 56, render: (_: unknown, _s: PlanStop, i: number) => i + 1 },
    {
      title: t('site'),
      key: 'site',
      width: 240,
      render: (_: unknown, s: PlanStop) => (
        <Flex vertical>
          <Typography.Text strong data-testid="stop-site">{siteName(s)}</Typography.Text>
          <span><Tag>{sites.get(s.subjectId)?.unitName ?? ''}</Tag></span>
        </Flex>
      ),
    },
    {
      title: t('theme'),
      key: 'theme',
      render: (_: unknown, s: PlanStop) =>
        office ? (
          <Input.TextArea
            value={s.theme}
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={200}
            aria-label={`${t('theme')} ${siteName(s)}`}
            onChange={(e) => onPlan((p) => updateStop(p, s.key, { theme: e.target.value }))}
          />
        ) : s.theme,
    },
    {
      title: t('address'),
      key: 'address',
      render: (_: unknown, s: PlanStop) =>
        office ? (
          <Input.TextArea
            value={s.address}
            autoSize={{ minRows: 1, maxRows: 3 }}
            maxLength={200}
            aria-label={`${t('address')} ${siteName(s)}`}
            onChange={(e) => onPlan((p) => updateStop(p, s.key, { address: e.target.value }))}
          />
        ) : s.address,
    },
    {
      title: t('plannedTime'),
      key: 'time',
      width: 110,
      render: (_: unknown, s: PlanStop) =>
        office ? (
          <Input
            value={s.plannedTime}
            placeholder="09:30"
            maxLength={5}
            status={validTime(s.plannedTime) ? undefined : 'error'}
            title={validTime(s.plannedTime) ? t('timeHint') : t('badTime')}
            aria-label={`${t('plannedTime')} ${siteName(s)}`}
            aria-invalid={!validTime(s.plannedTime)}
            onChange={(e) => onPlan((p) => updateStop(p, s.key, { plannedTime: e.target.value }))}
            data-testid="stop-time"
          />
        ) : s.plannedTime,
    },
    ...(office
      ? [
          {
            title: t('day'),
            key: 'day',
            width: 176,
            render: (_: unknown, s: PlanStop) => (
              <Select
                value={d.key}
                options={dayOptions}
                style={{ width: 160 }}
                aria-label={t('moveToDay', { site: siteName(s) })}
                onChange={(to: string) => onPlan((p) => moveToDay(p, s.key, to))}
                data-testid="stop-day"
              />
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 128,
            render: (_: unknown, s: PlanStop, i: number) => (
              <Space size={4}>
                <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} data-move="up" aria-label={t('moveUp', { site: siteName(s) })} onClick={() => onMove(s.key, -1)} data-testid="stop-up" />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={i === d.stops.length - 1}
                  data-move="down"
                  aria-label={t('moveDown', { site: siteName(s) })}
                  onClick={() => onMove(s.key, 1)}
                  data-testid="stop-down"
                />
                <Popconfirm title={t('removeStopConfirm', { site: siteName(s) })} onConfirm={() => onPlan((p) => removeStop(p, s.key))} okButtonProps={{ danger: true }}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('removeStop', { site: siteName(s) })} data-testid="stop-remove" />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={title}
      data-testid={`itinerary-day-${index}`}
      extra={office && (
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={null}
            placeholder={unplanned.length === 0 ? t('allPlanned') : t('addSite')}
            disabled={unplanned.length === 0}
            style={{ width: 260 }}
            aria-label={`${t('dayN', { n: index + 1 })} ${t('addSite')}`}
            options={[...byCounty].map(([county, list]) => ({ label: county, title: county, options: list.map((s) => ({ value: s.subjectId, label: s.siteName })) }))}
            onChange={(subjectId: string | null) => subjectId && onPlan((p) => addStop(p, d.key, subjectId, newKey()))}
            data-testid={`add-site-${index}`}
          />
          <Button
            disabled={d.stops.length > 0}
            title={d.stops.length > 0 ? t('removeDayHint') : undefined}
            onClick={() => onPlan((p) => removeDay(p, d.key))}
            data-testid={`remove-day-${index}`}
          >
            {t('removeDay')}
          </Button>
        </Space>
      )}
    >
      <Table<PlanStop>
        rowKey="key"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={d.stops}
        columns={columns}
        locale={{ emptyText: t('noStops') }}
        onRow={(s) => ({ 'data-stop-key': s.key, 'data-testid': 'itinerary-stop' }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}

function AddDayModal({ plan, onDone }: { plan: Plan; onDone(day: { date: string; label: string } | null): void }) {
  const t = useT(tourMessages);
  const last = plan.at(-1)?.date;
  const [date, setDate] = useState<Dayjs | null>(last && dayjs(last, DAY, true).isValid() ? dayjs(last, DAY).add(1, 'day') : dayjs());
  const [label, setLabel] = useState('');
  const ok = () => date && onDone({ date: date.format(DAY), label: label.trim() });
  return (
    <Modal open title={t('addDayTitle')} onCancel={() => onDone(null)} onOk={ok} okButtonProps={{ disabled: !date, ...({ 'data-testid': 'add-day-ok' } as Record<`data-${string}`, string>) }}>
      <Form layout="vertical" onFinish={ok}>
        <Form.Item label={t('dayDate')} required>
          <DatePicker value={date} onChange={setDate} format={DAY} allowClear={false} data-testid="add-day-date" />
        </Form.Item>
        <Form.Item label={t('dayLabel')}>
          <Input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('dayLabelPlaceholder')} maxLength={100} data-testid="add-day-label" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
