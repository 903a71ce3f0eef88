/**
 * 测评会管理: create (agenda, expected raters per group), open and close, token sheets to print, the room screen's
 * key, and the links to paper entry and the tally report. Monitoring in depth is on the 测评会 page.
 */
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import type { SessionOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { postForText, sessionApi, type CampaignSetup } from './api.js';
import { sessionMessages } from './sessionMessages.js';
import { errorText } from '../../api/error-text.js';

const STATUS_COLOR = { draft: 'default', open: 'processing', closed: 'success' } as const;

export function SessionsManager({ campaignId, setup, onChange }: { campaignId: string; setup: CampaignSetup; onChange?: () => void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const sessions = useApi(() => endpoints.sessions(campaignId), [campaignId]);
  const [creating, setCreating] = useState(false);
  const [tokensFor, setTokensFor] = useState<SessionOverview | null>(null);
  const [screen, setScreen] = useState<string | null>(null);
  const groupName = new Map(setup.raterGroups.map((g) => [g.id, g.name]));
  const instrumentName = new Map(setup.instruments.map((i) => [i.id, i.name]));

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      sessions.reload();
      onChange?.();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  if (sessions.error) return <ErrorState error={sessions.error} onRetry={sessions.reload} />;
  return (
    <Flex vertical gap={12}>
      {office && (
        <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setCreating(true)} data-testid="new-session">
          {t('create')}
        </Button>
      )}
      <Table<SessionOverview>
        rowKey="id"
        loading={sessions.loading}
        dataSource={sessions.data ?? []}
        pagination={false}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('instruments'), dataIndex: 'instrumentIds', render: (ids: string[]) => ids.map((i) => <Tag key={i}>{instrumentName.get(i) ?? i}</Tag>) },
          {
            title: t('expected'),
            dataIndex: 'expected',
            render: (e: Record<string, number>) => Object.entries(e).map(([g, n]) => <div key={g}>{groupName.get(g) ?? g}：{n}</div>),
          },
          { title: t('status'), dataIndex: 'status', width: 90, render: (s: SessionOverview['status']) => <Tag color={STATUS_COLOR[s]} data-testid="session-status">{t(s)}</Tag> },
          {
            title: t('counts'),
            key: 'counts',
            width: 150,
            render: (_: unknown, s) => (s.counts ? `${s.counts.returned} / ${s.counts.validBallots} / ${s.counts.invalidBallots}` : '—'),
          },
          { title: t('verdict'), key: 'verdict', width: 220, render: (_: unknown, s) => (s.verdict ? <Typography.Text type="secondary">{pick(s.verdict.explanation)}</Typography.Text> : '—') },
          {
            title: '',
            key: 'actions',
            width: 300,
            render: (_: unknown, s) => (
              <Space wrap size={4}>
                {office && s.status === 'draft' && (
                  <Popconfirm title={t('confirmOpen')} onConfirm={() => act(() => sessionApi.open(s.id))}>
                    <Button size="small" type="primary" data-testid="session-open">{t('doOpen')}</Button>
                  </Popconfirm>
                )}
                {office && s.status === 'open' && (
                  <Popconfirm title={t('confirmClose')} onConfirm={() => act(() => sessionApi.close(s.id))}>
                    <Button size="small" danger data-testid="session-close">{t('doClose')}</Button>
                  </Popconfirm>
                )}
                {s.status !== 'closed' && <Button size="small" onClick={() => setTokensFor(s)}>{t('tokens')}</Button>}
                {office && s.status !== 'closed' && (
                  <Button size="small" onClick={() => act(async () => setScreen((await sessionApi.screenKey(s.id)).path))}>{t('screen')}</Button>
                )}
                <a href={`/clerk/paper?session=${encodeURIComponent(s.id)}`} target="_blank" rel="noreferrer">{t('clerk')}</a>
                <a href={`/api/sessions/${encodeURIComponent(s.id)}/tally-report.html`} target="_blank" rel="noreferrer">{t('tally')}</a>
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateSession campaignId={campaignId} setup={setup} onDone={() => { setCreating(false); sessions.reload(); }} />}
      {tokensFor && <TokenSheetDialog session={tokensFor} setup={setup} csrf={me?.csrfToken} onClose={() => { setTokensFor(null); sessions.reload(); }} />}
      <Modal open={screen !== null} title={t('screen')} onCancel={() => setScreen(null)} footer={null}>
        <Typography.Paragraph type="secondary">{t('screenHint')}</Typography.Paragraph>
        {screen && (
          <Typography.Paragraph copyable={{ text: location.origin + screen }}>
            <a href={screen} target="_blank" rel="noreferrer">{location.origin + screen}</a>
          </Typography.Paragraph>
        )}
      </Modal>
    </Flex>
  );
}

function CreateSession({ campaignId, setup, onDone }: { campaignId: string; setup: CampaignSetup; onDone(): void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; instrumentIds: string[]; agenda: string[]; expected: Record<string, number> }>();
  const chosen = Form.useWatch('instrumentIds', form) ?? [];
  const groups = [...new Set(setup.instruments.filter((i) => chosen.includes(i.id)).flatMap((i) => i.groupWeights.map((g) => g.groupId)))];
  const subjectIds = new Set(setup.instruments.filter((i) => chosen.includes(i.id)).flatMap((i) => i.subjectIds));
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const expected = Object.fromEntries(groups.map((g) => [g, v.expected?.[g] ?? 0]));
      await sessionApi.create(campaignId, { name: v.name, instrumentIds: v.instrumentIds, agenda: v.agenda?.length ? v.agenda : null, expected });
      message.success(t('created'));
      onDone();
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('create')} onCancel={onDone} onOk={submit} confirmLoading={busy} width={640} okButtonProps={{ 'data-testid': 'create-session-ok' } as Record<`data-${string}`, string>}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
          <Input placeholder={t('namePlaceholder')} />
        </Form.Item>
        <Form.Item name="instrumentIds" label={t('instruments')} rules={[{ required: true }]}>
          <Select mode="multiple" options={setup.instruments.filter((i) => i.subjectIds.length > 0).map((i) => ({ value: i.id, label: i.name }))} data-testid="session-instruments" />
        </Form.Item>
        <Form.Item name="agenda" label={t('agenda')}>
          <Select mode="multiple" allowClear optionFilterProp="label" maxTagCount={8} options={setup.subjects.filter((s) => subjectIds.has(s.id)).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        {groups.length > 0 && (
          <Card size="small" title={t('expected')}>
            <Flex wrap gap={16}>
              {groups.map((g) => (
                <Form.Item key={g} name={['expected', g]} label={setup.raterGroups.find((x) => x.id === g)?.name ?? g} initialValue={10} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                  <InputNumber min={0} max={1_000_000} />
                </Form.Item>
              ))}
            </Flex>
          </Card>
        )}
      </Form>
    </Modal>
  );
}

function TokenSheetDialog({ session, setup, csrf, onClose }: { session: SessionOverview; setup: CampaignSetup; csrf: string | null | undefined; onClose(): void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const groups = Object.keys(session.expected);
  const [group, setGroup] = useState<string | undefined>(groups[0]);
  const [count, setCount] = useState<number>(session.expected[groups[0] ?? ''] ?? 10);
  const [names, setNames] = useState('');
  const [busy, setBusy] = useState(false);
  const named = setup.raterGroups.find((g) => g.id === group)?.mode === 'named';
  const raterNames = names.split('\n').map((n) => n.trim()).filter(Boolean);
  const issue = async () => {
    if (!group || (named && raterNames.length === 0)) return;
    // Opened now, inside the click, so no pop-up blocker stops it; filled when the sheet arrives.
    const win = window.open('', '_blank');
    if (!win) {
      message.error(t('popupBlocked'));
      return;
    }
    setBusy(true);
    try {
      const html = await postForText(`/api/sessions/${encodeURIComponent(session.id)}/token-sheets`, { raterGroupId: group, count: named ? raterNames.length : count, ...(named ? { raterNames } : {}), origin: location.origin }, csrf);
      win.document.open();
      win.document.write(html);
      win.document.close();
      onClose();
    } catch (e) {
      win.close();
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`${t('tokens')} · ${session.name}`} onCancel={onClose} onOk={issue} okText={t('issue')} confirmLoading={busy}>
      <Typography.Paragraph type="secondary">{t('tokensHint')}</Typography.Paragraph>
      <Space>
        <Select value={group} onChange={setGroup} style={{ width: 260 }} options={groups.map((g) => ({ value: g, label: setup.raterGroups.find((x) => x.id === g)?.name ?? g }))} aria-label={t('group')} />
        {!named && <InputNumber min={1} max={5000} value={count} onChange={(v) => setCount(v ?? 1)} addonBefore={t('count')} />}
      </Space>
      {named && (
        <Input.TextArea rows={5} style={{ marginTop: 12 }} value={names} onChange={(e) => setNames(e.target.value)} placeholder={t('namesHint')} aria-label={t('names')} />
      )}
    </Modal>
  );
}
