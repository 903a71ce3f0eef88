/**
 * 审计日志: newest last as stored, filtered by action (or prefix) and actor, paged with afterId, exported as CSV.
 * Actors are stored as role:accountId; the table names the account and says what the action means.
 */
import { App, Button, Flex, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import type { AccountView, AuditEntry } from '../../api/types.js';
import { authHeaders } from '../setup/api.js';
import { adminMessages, auditActions } from './messages.js';
import { errorText } from '../../api/error-text.js';

const PAGE = 200;

export function AuditPanel() {
  const t = useT(adminMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [applied, setApplied] = useState(filter);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const accounts = useApi(() => api.get<AccountView[]>('/api/accounts'), []);
  const byId = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data]);

  const actorName = (actor: string): string => {
    if (actor === 'system') return t('actorSystem');
    if (actor === 'anonymous') return t('actorAnonymous');
    const account = byId.get(actor.slice(actor.indexOf(':') + 1));
    return account ? t('who', { name: account.displayName, username: account.username }) : actor;
  };
  const actorOptions = [
    { value: 'system', label: t('actorSystem') },
    { value: 'anonymous', label: t('actorAnonymous') },
    ...(accounts.data ?? []).map((a) => ({ value: `${a.role}:${a.id}`, label: t('who', { name: a.displayName, username: a.username }) })),
  ];

  const query = (afterId?: number) => {
    const q = new URLSearchParams();
    if (applied.action) q.set('action', applied.action);
    if (applied.actor) q.set('actor', applied.actor);
    if (afterId !== undefined) q.set('afterId', String(afterId));
    return q;
  };
  const load = async (afterId?: number) => {
    setLoading(true);
    try {
      const q = query(afterId);
      q.set('limit', String(PAGE));
      const page = await api.get<AuditEntry[]>(`/api/audit?${q}`);
      setRows((r) => (afterId === undefined ? page : [...r, ...page]));
      setMore(page.length === PAGE);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page loads again when the applied filter changes; `load` reads it through query()
  useEffect(() => {
    void load();
  }, [applied]);

  // Fetched, not linked: a console opened with an access token sends it as a header, which a plain link cannot.
  const exportCsv = async () => {
    setExporting(true);
    try {
      const res = await fetch(`/api/audit.csv?${query()}`, { headers: authHeaders(null), credentials: 'same-origin' });
      if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, { zh: `${adminMessages.exportFailed.zh}（${res.status}）`, en: `${adminMessages.exportFailed.en} (${res.status})` });
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setExporting(false);
    }
  };

  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Input style={{ width: 320 }} placeholder={t('filterAction')} value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value.trim() })} onPressEnter={() => setApplied(filter)} />
          <Select
            style={{ width: 240 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('actorAll')}
            aria-label={t('filterActor')}
            value={filter.actor || undefined}
            options={actorOptions}
            onChange={(actor?: string) => setFilter({ ...filter, actor: actor ?? '' })}
          />
          <Button onClick={() => setApplied(filter)}>{t('search')}</Button>
        </Space>
        <Button loading={exporting} onClick={() => void exportCsv()} data-testid="audit-csv">{t('exportCsv')}</Button>
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        data-testid="audit-table"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('at'), dataIndex: 'at', width: 180, render: (d: string) => new Date(d).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') },
          { title: t('actor'), dataIndex: 'actor', width: 220, render: (a: string) => <Tooltip title={a}><span>{actorName(a)}</span></Tooltip> },
          {
            title: t('action'),
            dataIndex: 'action',
            width: 260,
            render: (a: string) => {
              const known = auditActions[a as keyof typeof auditActions];
              return <>{known && <span style={{ marginInlineEnd: 6 }}>{pick(known)}</span>}<Typography.Text code>{a}</Typography.Text></>;
            },
          },
          { title: t('entity'), key: 'entity', width: 220, render: (_: unknown, e) => `${e.entity}${e.entityId ? ` · ${(e.entity === 'account' && byId.get(e.entityId)?.username) || e.entityId}` : ''}` },
          { title: t('detail'), dataIndex: 'detail', render: (d: unknown) => <Typography.Text type="secondary" ellipsis={{ tooltip: JSON.stringify(d) }} style={{ maxWidth: 420 }}>{JSON.stringify(d)}</Typography.Text> },
        ]}
      />
      {more && <Button onClick={() => void load(rows[rows.length - 1]?.id)} style={{ alignSelf: 'center' }}>{t('more')}</Button>}
    </Flex>
  );
}
