/** A ranking row's tier as a coloured tag, with the tie flag; shared by the unit page and the what-if page. */
import { Tag, Tooltip, Typography } from 'antd';
import type { Ranking, RankingRow } from '../../api/types.js';
import { useT } from '../../i18n/I18nProvider.js';
import { rm } from './messages.js';

const TIER_COLORS = ['red', 'volcano', 'gold', 'blue', 'default'];

export function tierColor(ranking: Pick<Ranking, 'tiers'>, key: string | null): string {
  const i = ranking.tiers.findIndex((t) => t.key === key);
  return i < 0 ? 'default' : (TIER_COLORS[i] ?? 'default');
}

export function TierTag({ ranking, row }: { ranking: Pick<Ranking, 'tiers'>; row: Pick<RankingRow, 'tier' | 'tierLabel' | 'tierTie'> }) {
  const t = useT(rm);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {row.tierLabel ? <Tag color={tierColor(ranking, row.tier)}>{row.tierLabel}</Tag> : <Typography.Text type="secondary">—</Typography.Text>}
      {row.tierTie && (
        <Tooltip title={t('tieHelp')}>
          <Tag color="magenta" data-testid="tie-flag">{t('tie')}</Tag>
        </Tooltip>
      )}
    </span>
  );
}
