/**
 * 结果: the ranking boards of a campaign, one tab per ranking, with tier counts. Reads only the shown ranking's board
 * (started in main.tsx before this code arrives); charts are not imported here, so ECharts waits for the unit page.
 */
import { Alert, Button, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { rm } from './messages.js';
import { RankingBoard } from './RankingBoard.js';
import { tierColor } from './TierTag.js';
import { boardFor, useView } from './views.js';

export default function ResultsPage() {
  const t = useT(rm);
  const punct = usePunctuation();
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('ranking');
  const { data, error, loading, reload } = useView((fresh) => boardFor(campaignId, asked, fresh), [campaignId, asked]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const active = asked ?? data.rankings[0]?.rankingId;
  const ranking = data.ranking;

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
          items={data.rankings.map((summary) => ({
            key: summary.rankingId,
            label: `${summary.name}${punct.paren(summary.rowCount)}`,
            children:
              summary.rankingId !== ranking.rankingId ? (
                <Loading />
              ) : (
                <>
                  <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                    <Typography.Text type="secondary">{t('tier')}{punct.colon}</Typography.Text>
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
