/**
 * 典型案例库: search as one types — every word must occur, a single character too — with the hit highlighted in a
 * snippet of the field it was found in (title over tags over summary over body). The office adds and edits cases.
 */
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { cases } from '../../api/endpoints.js';
import type { CaseList, CaseView } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { useDebounced } from '../training/useDebounced.js';
import { CaseDocumentsButton } from './CaseDocuments.js';
import { CaseFormModal } from './CaseFormModal.js';
import { caseMessages } from './messages.js';

type Hit = CaseList['items'][number];
const FIELD_KEYS = { title: 'fieldTitle', tags: 'fieldTags', summary: 'fieldSummary', body: 'fieldBody' } as const;
const PAGE_SIZE = 20;

/** The snippet's segments; hits in <mark>, text as text (never HTML from the server). */
function Snippet({ segments }: { segments: NonNullable<Hit['match']>['snippet'] }) {
  return (
    <span className="case-snippet">
      {segments.map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: a snippet's segments are fixed text in fixed order; their place is their identity
        s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </span>
  );
}

export default function CasesPage() {
  const t = useT(caseMessages);
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const [params] = useSearchParams();
  const [text, setText] = useState(() => params.get('q') ?? '');
  const q = useDebounced(text);
  const [page, setPage] = useState(1);
  const list = useApi(() => cases.search({ q: q || undefined, page, pageSize: PAGE_SIZE }), [q, page]);
  const [editing, setEditing] = useState<CaseView | 'new' | null>(null);

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('sub')}
        extra={office && <Button type="primary" onClick={() => setEditing('new')} data-testid="new-case">{t('newCase')}</Button>}
      />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
            data-testid="case-search"
          />
          <Typography.Text type="secondary">{t('total', { n: list.data?.total ?? 0 })}</Typography.Text>
          <Table<Hit>
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: q ? t('none') : t('empty') }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="cases-table"
            columns={[
              {
                title: t('caseTitle'),
                dataIndex: 'title',
                render: (title: string, c) => (
                  <Space direction="vertical" size={2}>
                    <Space>
                      <Link to={paths.caseDetail(c.id)} data-testid="case-link"><Typography.Text strong>{title}</Typography.Text></Link>
                      {!c.published && <Tag>{t('draft')}</Tag>}
                    </Space>
                    {c.match && (
                      <Typography.Text type="secondary" data-testid="case-hit">
                        {t(FIELD_KEYS[c.match.field])}：<Snippet segments={c.match.snippet} />
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              { title: t('unit'), dataIndex: 'unitName', width: 140 },
              { title: t('year'), dataIndex: 'year', width: 80 },
              { title: t('tags'), dataIndex: 'tags', width: 200, render: (tags: string[]) => tags.map((x) => <Tag key={x}>{x}</Tag>) },
              { title: '', key: 'files', width: 80, render: (_: unknown, c: Hit) => <CaseDocumentsButton caseId={c.id} title={c.title} office={office} /> },
              ...(office
                ? [{
                    title: '',
                    key: 'edit',
                    width: 80,
                    render: (_: unknown, c: Hit) => (
                      <Button size="small" onClick={() => void cases.get(c.id).then(setEditing)}>
                        {t('edit')}
                      </Button>
                    ),
                  }]
                : []),
            ]}
          />
        </Space>
      </Card>
      {editing && (
        <CaseFormModal
          editing={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      )}
    </>
  );
}
