/**
 * 案例详情: one library case — its unit, year, tags, summary and text — and the 案例评 items it is, each with the
 * campaign, the instrument, the unit the item counts for and, once published, its score and rank. The office links
 * the case to an item of a campaign's 案例评 (or, while a set-up is a draft, adds it as a new item) and unlinks it.
 */
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { cases, endpoints } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { CampaignWithDefinition, CaseDetail, CaseLinkView } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { caseMessages } from './messages.js';

type Definition = CampaignWithDefinition['definition'];

/** The campaign's 案例评: instruments that rate case items only (the template's starts empty, under its own id). */
function caseRatings(def: Definition): Definition['instruments'] {
  const kinds = new Map(def.subjects.map((s) => [s.id, s.kind]));
  return def.instruments.filter((i) => i.kind !== 'adjustments' && (i.subjectIds.length === 0 ? i.id === 'i-case' : i.subjectIds.every((id) => kinds.get(id) === 'case')));
}

function LinkForm({ detail, onLinked }: { detail: CaseDetail; onLinked(): void }) {
  const t = useT(caseMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const campaigns = useApi(() => endpoints.campaigns(), []);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const chosen = useApi(() => (campaignId ? Promise.all([endpoints.campaign(campaignId), cases.links(campaignId)]) : Promise.resolve(null)), [campaignId]);
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const open = (campaigns.data ?? []).filter((c) => c.status !== 'published');
  const [loaded, links] = chosen.data ?? [null, []];
  const ratings = loaded ? caseRatings(loaded.definition) : [];
  const names = new Map((loaded?.definition.subjects ?? []).map((s) => [s.id, s.name]));
  const linkedTitle = new Map(links.map((l) => [l.itemId, l.caseTitle]));
  const options = ratings.flatMap((i) =>
    i.subjectIds.map((itemId) => ({
      value: `${i.id}\u0000${itemId}`,
      label: `${i.name} · ${names.get(itemId) ?? ''}${linkedTitle.has(itemId) ? t('linkedTo', { title: linkedTitle.get(itemId)! }) : ''}`,
      disabled: linkedTitle.has(itemId),
    })),
  );

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setRefusal(null);
    try {
      await work();
      message.success(done);
      setTarget(null);
      chosen.reload();
      onLinked();
    } catch (e) {
      setRefusal(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  const [instrumentId, itemId] = target ? target.split('\u0000') : [null, null];

  return (
    <Card size="small" title={t('linkTitle')} data-testid="case-link-form">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('linkHelp')}</Typography.Text>
        <Space wrap>
          <Select
            style={{ width: 320 }}
            placeholder={t('pickCampaign')}
            loading={campaigns.loading}
            value={campaignId}
            onChange={(v) => {
              setCampaignId(v);
              setTarget(null);
              setRefusal(null);
            }}
            options={open.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="link-campaign"
          />
          <Select
            style={{ width: 420 }}
            placeholder={t('pickItem')}
            disabled={!loaded || ratings.length === 0}
            value={target}
            onChange={setTarget}
            options={options}
            data-testid="link-item"
          />
          <Button type="primary" disabled={!campaignId || !instrumentId || !itemId} loading={busy} data-testid="link-submit"
            onClick={() => void run(() => cases.link(campaignId!, { instrumentId: instrumentId!, itemId: itemId!, caseId: detail.id }), t('linked'))}>
            {t('link')}
          </Button>
          {loaded?.campaign.status === 'draft' && ratings.length > 0 && (
            <Button loading={busy} data-testid="add-item"
              onClick={() => void run(() => cases.addItem(campaignId!, { instrumentId: ratings[0]!.id, caseId: detail.id }), t('itemAdded'))}>
              {t('addItem')}
            </Button>
          )}
        </Space>
        {loaded && ratings.length === 0 && <Typography.Text type="warning">{t('noCaseRating')}</Typography.Text>}
        {refusal && <Alert type="error" showIcon message={refusal} data-testid="link-refusal" />}
      </Flex>
    </Card>
  );
}

export default function CasePage() {
  const t = useT(caseMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { caseId = '' } = useParams();
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const detail = useApi(() => cases.get(caseId), [caseId]);

  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const c = detail.data;
  const unlink = async (l: CaseLinkView) => {
    try {
      await cases.unlink(l.campaignId, l.itemId);
      message.success(t('unlinked'));
      detail.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={paths.cases()}>{t('title')}</Link> }, { title: c.title }]} />
      <PageHeader title={<span data-testid="case-heading">{c.title}{!c.published && <Tag style={{ marginInlineStart: 8 }}>{t('draft')}</Tag>}</span>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('unit')}>{c.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('year')}>{c.year}</Descriptions.Item>
          <Descriptions.Item label={t('tags')}>{c.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Descriptions.Item>
        </Descriptions>
        {c.summary && (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('summary')}：</Typography.Text>
            {c.summary}
          </Typography.Paragraph>
        )}
        {c.body && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="case-body">{c.body}</Typography.Paragraph>}
      </Card>
      <Card size="small" title={t('links')} style={{ marginBottom: 16 }}>
        <Table<CaseLinkView>
          size="small"
          rowKey={(l) => `${l.campaignId}/${l.itemId}`}
          pagination={false}
          dataSource={c.links}
          locale={{ emptyText: t('linksNone') }}
          data-testid="case-links"
          columns={[
            { title: t('campaign'), dataIndex: 'campaignName', render: (name: string, l) => <Link to={paths.setup(l.campaignId)}>{name}</Link> },
            { title: t('instrument'), dataIndex: 'instrumentName', width: 110 },
            { title: t('item'), dataIndex: 'itemName' },
            { title: t('itemUnit'), dataIndex: 'itemUnitName', width: 110 },
            {
              title: t('result'),
              key: 'result',
              width: 190,
              render: (_: unknown, l) =>
                l.result ? <span className="num" data-testid="case-link-result">{t('resultValue', { score: l.result.score, rank: l.result.rank, of: l.result.of })}</span> : <Typography.Text type="secondary">{t('resultPending')}</Typography.Text>,
            },
            ...(office
              ? [{
                  title: '',
                  key: 'unlink',
                  width: 100,
                  render: (_: unknown, l: CaseLinkView) =>
                    l.result ? null : (
                      <Popconfirm title={t('unlinkConfirm', { item: l.itemName })} onConfirm={() => void unlink(l)}>
                        <Button type="link" danger size="small">{t('unlink')}</Button>
                      </Popconfirm>
                    ),
                }]
              : []),
          ]}
        />
      </Card>
      {office && <LinkForm detail={c} onLinked={detail.reload} />}
    </>
  );
}
