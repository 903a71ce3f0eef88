/** The 测评会 page's dialogs: code slips to print, the head count, paper sheets issued, the screen link. */
import { Alert, App, Flex, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { CampaignWithDefinition, PublicAddress, SessionOverview } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { sessionApi } from './api.js';
import { countLabels, sessionMessages } from './messages.js';

type Definition = CampaignWithDefinition['definition'];

/** The rater groups that rate something on the session's agenda, in the campaign's order. */
export function sessionGroups(session: SessionOverview, definition: Definition): { id: string; name: string; mode: 'anonymous' | 'named' }[] {
  const rating = new Set(definition.instruments.filter((i) => session.instrumentIds.includes(i.id)).flatMap((i) => i.groupWeights.map((g) => g.groupId)));
  return definition.raterGroups.filter((g) => rating.has(g.id));
}

function useFailure() {
  const pick = useBilingual();
  const { message } = App.useApp();
  return (e: unknown) => message.error(e instanceof ApiError ? pick(e.messages) : String(e));
}

export function TokenSheetDialog({ session, definition, address, onClose }: { session: SessionOverview; definition: Definition; address: PublicAddress | undefined; onClose(): void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const fail = useFailure();
  const { me } = useAuth();
  const groups = sessionGroups(session, definition);
  const [group, setGroup] = useState<string | undefined>(groups[0]?.id);
  const [count, setCount] = useState<number>(session.expected[groups[0]?.id ?? ''] || 10);
  const [names, setNames] = useState('');
  const [busy, setBusy] = useState(false);
  const named = groups.find((g) => g.id === group)?.mode === 'named';
  const raterNames = names.split('\n').map((n) => n.trim()).filter(Boolean);
  const unreachable = address !== undefined && !address.phoneReachable;
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
      const html = await sessionApi.tokenSheet(session.id, { raterGroupId: group, count: named ? raterNames.length : count, ...(named ? { raterNames } : {}) }, me?.csrfToken);
      win.document.open();
      win.document.write(html);
      win.document.close();
      onClose();
    } catch (e) {
      win.close();
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('slips')} · ${session.name}`}
      onCancel={onClose}
      onOk={issue}
      okText={unreachable ? t('issueAnyway') : t('issue')}
      okButtonProps={{ danger: unreachable, ...({ 'data-testid': 'slips-ok' } as Record<`data-${string}`, string>) }}
      confirmLoading={busy}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('tokensHint')}</Typography.Text>
        {address && <Typography.Text>{t('slipsAddress', { url: `${address.url}/r/…` })}</Typography.Text>}
        {unreachable && address.warning && <Alert type="warning" showIcon title={pick(address.warning)} data-testid="slips-warning" />}
        <Space wrap>
          <Select value={group} onChange={setGroup} style={{ width: 260 }} options={groups.map((g) => ({ value: g.id, label: g.name }))} aria-label={t('group')} />
          {!named && (
            <Space.Compact>
              <Space.Addon>{t('count')}</Space.Addon>
              <InputNumber min={1} max={5000} precision={0} value={count} onChange={(v) => setCount(v ?? 1)} aria-label={t('count')} />
            </Space.Compact>
          )}
        </Space>
        {named && <Input.TextArea rows={5} value={names} onChange={(e) => setNames(e.target.value)} placeholder={t('namesHint')} aria-label={t('names')} />}
      </Flex>
    </Modal>
  );
}

export function HeadCountDialog({ session, onClose }: { session: SessionOverview; onClose(changed: boolean): void }) {
  const t = useT(sessionMessages);
  const tc = useT(countLabels);
  const { message } = App.useApp();
  const fail = useFailure();
  const [present, setPresent] = useState<number | null>(session.present);
  const [busy, setBusy] = useState(false);
  const expected = Object.values(session.expected).reduce((a, b) => a + b, 0);
  const save = async () => {
    setBusy(true);
    try {
      await sessionApi.present(session.id, present);
      message.success(t('saved'));
      onClose(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('headCountTitle', { name: session.name })} onCancel={() => onClose(false)} onOk={save} confirmLoading={busy} okButtonProps={{ 'data-testid': 'head-count-ok' } as Record<`data-${string}`, string>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('headCountHint', { expected, needed: Math.floor(expected / 2) + 1 })}</Typography.Text>
        <Space.Compact>
          <Space.Addon>{tc('present')}</Space.Addon>
          <InputNumber min={0} max={1_000_000} precision={0} value={present} onChange={(v) => setPresent(v ?? null)} aria-label={tc('present')} data-testid="head-count-input" autoFocus />
        </Space.Compact>
      </Flex>
    </Modal>
  );
}

export function PaperIssuedDialog({ session, definition, onClose }: { session: SessionOverview; definition: Definition; onClose(changed: boolean): void }) {
  const t = useT(sessionMessages);
  const tc = useT(countLabels);
  const { message } = App.useApp();
  const fail = useFailure();
  const groups = sessionGroups(session, definition);
  const [values, setValues] = useState<Record<string, number>>(() => Object.fromEntries(groups.map((g) => [g.id, session.paperIssued[g.id] ?? 0])));
  const [busy, setBusy] = useState(false);
  const participation = new Map(session.groups.map((g) => [g.groupId, g]));
  const save = async () => {
    setBusy(true);
    try {
      await sessionApi.paperIssued(session.id, { paperIssued: values });
      message.success(t('saved'));
      onClose(true);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={640} title={t('paperIssuedTitle', { name: session.name })} onCancel={() => onClose(false)} onOk={save} confirmLoading={busy} okButtonProps={{ 'data-testid': 'paper-issued-ok' } as Record<`data-${string}`, string>}>
      <Typography.Paragraph type="secondary">{t('paperIssuedHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={groups}
        columns={[
          { title: t('group'), dataIndex: 'name' },
          { title: tc('tokensIssued'), key: 'tokens', align: 'right', render: (_: unknown, g) => (participation.get(g.id)?.issued ?? 0) - (session.paperIssued[g.id] ?? 0) },
          { title: tc('returned'), key: 'returned', align: 'right', render: (_: unknown, g) => participation.get(g.id)?.returned ?? 0 },
          {
            title: tc('paperIssued'),
            key: 'paper',
            render: (_: unknown, g) => (
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                value={values[g.id] ?? 0}
                onChange={(v) => setValues({ ...values, [g.id]: v ?? 0 })}
                aria-label={`${tc('paperIssued')} ${g.name}`}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

export function ScreenLinkDialog({ url, address, onClose }: { url: string; address: PublicAddress | undefined; onClose(): void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  return (
    <Modal open title={t('screen')} onCancel={onClose} footer={null}>
      <Typography.Paragraph type="secondary">{t('screenHint')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: url }} data-testid="screen-link">
        <a href={url} target="_blank" rel="noreferrer">{url}</a>
      </Typography.Paragraph>
      {address?.warning && <Alert type="info" showIcon title={pick(address.warning)} />}
    </Modal>
  );
}
