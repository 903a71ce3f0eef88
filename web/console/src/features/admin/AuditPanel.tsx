/** 审计日志: newest last as stored, filtered by action (or prefix) and actor, paged with afterId, exported as CSV. */
import { Button, Flex, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import type { AuditEntry } from '../../../../../src/db/repositories/audit.js';
import { adminMessages } from './messages.js';

const PAGE = 200;

export function AuditPanel() {
  const t = useT(adminMessages);
  const { lang } = useLang();
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [applied, setApplied] = useState(filter);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

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
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applied]);

  if (error) return <ErrorState error={error} onRetry={() => void load()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Input style={{ width: 320 }} placeholder={t('filterAction')} value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value.trim() })} onPressEnter={() => setApplied(filter)} />
          <Input style={{ width: 200 }} placeholder={t('filterActor')} value={filter.actor} onChange={(e) => setFilter({ ...filter, actor: e.target.value.trim() })} onPressEnter={() => setApplied(filter)} />
          <Button onClick={() => setApplied(filter)}>{t('search')}</Button>
        </Space>
        <a href={`/api/audit.csv?${query()}`} download><Button data-testid="audit-csv">{t('exportCsv')}</Button></a>
      </Flex>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('at'), dataIndex: 'at', width: 180, render: (d: string) => new Date(d).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') },
          { title: t('actor'), dataIndex: 'actor', width: 200 },
          { title: t('action'), dataIndex: 'action', width: 200, render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
          { title: t('entity'), key: 'entity', width: 220, render: (_: unknown, e) => `${e.entity}${e.entityId ? ` · ${e.entityId}` : ''}` },
          { title: t('detail'), dataIndex: 'detail', render: (d: unknown) => <Typography.Text type="secondary" ellipsis={{ tooltip: JSON.stringify(d) }} style={{ maxWidth: 420 }}>{JSON.stringify(d)}</Typography.Text> },
        ]}
      />
      {more && <Button onClick={() => void load(rows[rows.length - 1]?.id)} style={{ alignSelf: 'center' }}>{t('more')}</Button>}
    </Flex>
  );
}
