/** The set-up editor: tabs for the parts, the live rule check beside them, and save. */
import { Alert, Button, Card, Col, Descriptions, Flex, Input, InputNumber, Row, Select, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import type { CampaignSetup } from './api.js';
import { CheckPanel, useSetupCheck } from './CheckPanel.js';
import { weightProblems, type Edit } from './draft.js';
import { GroupsEditor } from './GroupsEditor.js';
import { InstrumentEditor } from './InstrumentEditor.js';
import { ItemsEditor } from './ItemsEditor.js';
import { setupMessages } from './messages.js';
import { RankingEditor } from './RankingEditor.js';
import { rubricProblems } from './rubric.js';
import { WeightTotal } from './WeightsTable.js';

const KIND = { grade: 'kindGrade', score: 'kindScore', adjustments: 'kindAdjustments' } as const;

export function SetupEditor({
  setup,
  edit,
  counties,
  townshipCount,
  disabled,
  saving,
  onSave,
  isNew,
}: {
  setup: CampaignSetup;
  edit: Edit;
  counties: { id: string; name: string }[];
  townshipCount: number;
  disabled?: boolean;
  saving?: boolean;
  onSave(): void;
  isNew: boolean;
}) {
  const t = useT(setupMessages);
  const check = useSetupCheck(setup);
  const badWeights = useMemo(() => weightProblems(setup), [setup]);
  // Criteria and adjustment items are checked where they are edited; here they only mark the instrument's tab.
  const badRubrics = useMemo(() => rubricProblems(setup), [setup]);
  const marked = new Set([...badWeights, ...badRubrics]);
  const sites = setup.subjects.filter((s) => s.kind === 'site').length;
  const cases = setup.subjects.filter((s) => s.kind === 'case').length;
  const canSave = !disabled && badWeights.length === 0 && badRubrics.length === 0 && check.status === 'done' && check.result.ok;

  const tabs = [
    {
      key: 'basics',
      label: t('tabBasics'),
      children: (
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('campaignName')}>
            <Input value={setup.name} disabled={disabled} onChange={(e) => edit((d) => void (d.name = e.target.value))} data-testid="campaign-name" />
          </Descriptions.Item>
          <Descriptions.Item label={t('campaignId')}>
            <Input value={setup.id} disabled={disabled || !isNew} onChange={(e) => edit((d) => void (d.id = e.target.value.replace(/[^A-Za-z0-9_.:-]/g, '')))} style={{ width: 320 }} />
          </Descriptions.Item>
          <Descriptions.Item label={t('precision')}>
            <InputNumber min={0} max={6} value={setup.precision} disabled={disabled} onChange={(v) => edit((d) => void (d.precision = v ?? 2))} />
          </Descriptions.Item>
          <Descriptions.Item label={t('tieJudgement')}>
            <Select value={setup.tieJudgement} disabled={disabled} style={{ width: 240 }} onChange={(v) => edit((d) => void (d.tieJudgement = v))} options={[{ value: 'exact', label: t('tieExact') }, { value: 'published', label: t('tiePublished') }]} />
          </Descriptions.Item>
          <Descriptions.Item label={t('tabItems')}>
            {t('subjectsSummary', { counties: counties.length, townships: townshipCount, sites, cases })}
          </Descriptions.Item>
        </Descriptions>
      ),
    },
    { key: 'groups', label: t('tabGroups'), children: <GroupsEditor setup={setup} edit={edit} disabled={disabled} /> },
    {
      key: 'instruments',
      label: <span>{t('tabInstruments')}{[...marked].some((b) => b.startsWith('instrument:')) && <Typography.Text type="danger"> ●</Typography.Text>}</span>,
      children: (
        <Tabs
          tabPlacement="start"
          items={setup.instruments.map((i) => ({
            key: i.id,
            label: (
              <Flex vertical style={{ textAlign: 'left', lineHeight: 1.4 }}>
                <span>{i.name}{marked.has(`instrument:${i.id}`) && <Typography.Text type="danger"> ●</Typography.Text>}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(KIND[i.kind])} · {t('subjectsCount', { n: i.subjectIds.length })}</Typography.Text>
              </Flex>
            ),
            children: <InstrumentEditor setup={setup} instrument={i} edit={edit} disabled={disabled} />,
          }))}
        />
      ),
    },
    {
      key: 'rankings',
      label: <span>{t('tabRankings')}{badWeights.some((b) => b.startsWith('ranking:')) && <Typography.Text type="danger"> ●</Typography.Text>}</span>,
      children: (
        <Flex vertical gap={16}>
          {setup.rankings.map((r) => <RankingEditor key={r.id} setup={setup} ranking={r} edit={edit} disabled={disabled} />)}
        </Flex>
      ),
    },
    { key: 'items', label: t('tabItemsCount', { n: sites + cases }), children: <ItemsEditor setup={setup} edit={edit} counties={counties} disabled={disabled} /> },
  ];

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card>
          <Tabs items={tabs} />
        </Card>
      </Col>
      <Col flex="420px">
        <Card
          title={t('tabCheck')}
          style={{ position: 'sticky', top: 16 }}
          styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}
          extra={
            !disabled && (
              <Button type="primary" loading={saving} disabled={!canSave} onClick={onSave} data-testid="save-campaign">
                {t('save')}
              </Button>
            )
          }
        >
          {badWeights.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('fixFirst')}
              description={badWeights.map((b) => {
                const [kind, id] = b.split(':') as [string, string];
                const item = kind === 'instrument' ? setup.instruments.find((i) => i.id === id) : setup.rankings.find((r) => r.id === id);
                const weights = kind === 'instrument'
                  ? setup.instruments.find((i) => i.id === id)!.groupWeights.map((g) => g.weight)
                  : setup.rankings.find((r) => r.id === id)!.components.map((c) => c.weight);
                return <div key={b}>{item?.name}：<WeightTotal weights={weights} relative={kind === 'instrument'} /></div>;
              })}
            />
          )}
          <CheckPanel state={check} />
        </Card>
      </Col>
    </Row>
  );
}
