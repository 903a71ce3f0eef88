/** 结果: the ranking boards of a campaign, one tab per ranking, with tier counts. */
import { Alert, Button, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../routes.js';
import { rm } from './messages.js';
import { RankingBoard, tierColor } from './RankingBoard.js';
import { useResults } from './useResults.js';

export default function ResultsPage() {
  const t = useT(rm);
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data, error, loading, reload } = useResults(campaignId);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const active = search.get('ranking') ?? data.rankings[0]?.rankingId;

  return (
    <>
      <PageHeader
        title={`${data.name} · ${t('rankingBoard')}`}
        sub={t('ballots', { total: data.ballots.total, valid: data.ballots.valid, invalid: data.ballots.invalid })}
        extra={
          <>
            <Link to={paths.distributions(campaignId)}><Button>{t('distributions')}</Button></Link>
            <Link to={paths.whatIf(campaignId)}><Button>{t('whatIf')}</Button></Link>
            <Link to={paths.sessions(campaignId)}><Button>{t('sessions')}</Button></Link>
            <Button onClick={reload} loading={loading}>{t('refresh')}</Button>
          </>
        }
      />
      {data.rankings.length === 0 && <Alert type="info" title={t('noRankings')} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch({ ranking: key }, { replace: true })}
          items={data.rankings.map((ranking) => ({
            key: ranking.rankingId,
            label: `${ranking.name}（${ranking.rows.length}）`,
            children: (
              <>
                <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                  <Typography.Text type="secondary">{t('tier')}：</Typography.Text>
                  <Space size={4} wrap>
                    {ranking.tiers.map((tier) => (
                      <Tag key={tier.key} color={tierColor(ranking, tier.key)}>
                        {t('tiersFilled', { label: tier.label, filled: tier.filled })}
                        {tier.cap !== null ? t('tiersCap', { cap: tier.cap }) : ''}
                      </Tag>
                    ))}
                  </Space>
                  {ranking.rows.some((r) => r.tierTie) && <Tag color="magenta">{t('tieHelp')}</Tag>}
                </Flex>
                <RankingBoard campaignId={campaignId} ranking={ranking} />
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
