/**
 * 规则检查: the server's check of the set-up as it stands (nothing saved), re-asked a moment after each change. Shows
 * the set-up's errors, and per grade instrument each rule as a concrete count for the real ballot sizes, with the
 * rules that can never bind or cannot be met. Problems come from the server already placed in the office's words
 * (评价方式「观摩评」的测评对象：…).
 */
import { Alert, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { errorDetails, setupApi, type CampaignSetup, type SetupCheck } from './api.js';
import { setupMessages } from './messages.js';

type State = { status: 'checking' } | { status: 'done'; result: SetupCheck; setup: CampaignSetup } | { status: 'refused'; error: ApiError | Error; setup: CampaignSetup };

export function useSetupCheck(setup: CampaignSetup | null): State {
  const [state, setState] = useState<State>({ status: 'checking' });
  useEffect(() => {
    if (!setup) return;
    let live = true;
    setState((s) => (s.status === 'done' ? s : { status: 'checking' }));
    const timer = setTimeout(() => {
      setupApi.check(setup).then(
        (result) => live && setState({ status: 'done', result, setup }),
        (error: Error) => live && setState({ status: 'refused', error, setup }),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [setup]);
  return state;
}

export function CheckPanel({ state }: { state: State }) {
  const t = useT(setupMessages);
  const pick = useBilingual();
  if (state.status === 'checking') return <Spin description={t('checking')} />;
  if (state.status === 'refused') {
    const details = errorDetails(state.error);
    return (
      <Alert
        type="error"
        showIcon
        data-testid="check-result"
        title={state.error instanceof ApiError && state.error.status === 400 ? t('checkSchema') : state.error instanceof ApiError ? pick(state.error.messages) : String(state.error)}
        description={details.length > 0 && <List size="small" dataSource={details.slice(0, 20)} renderItem={(d) => <List.Item>{pick(d.message)}</List.Item>} />}
      />
    );
  }
  const { result } = state;
  // A rule that forbids what the ballot needs (“1 个对象时最多允许 0 个好”) may be saved, but is never shown as passed.
  const warnings = result.instruments.flatMap((i) => i.findings.filter((f) => !INFORMATIVE.has(f.code)));
  return (
    <Flex vertical gap={12} data-testid="check-result">
      {!result.ok ? (
        <Alert
          type="error"
          showIcon
          title={t('checkProblems', { n: result.problems.length })}
          description={<List size="small" dataSource={result.problems.slice(0, 30)} renderItem={(p) => <List.Item>{pick(p.message)}</List.Item>} />}
        />
      ) : warnings.length > 0 ? (
        <Alert type="warning" showIcon title={t('checkOkWarnings', { n: warnings.length })} />
      ) : (
        <Alert type="success" showIcon title={t('checkOk')} />
      )}
      {result.instruments.map((i) => (
        <Card key={i.instrumentId} size="small" title={i.name}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ballotSizes', { sizes: i.subjectCounts.join(' / ') })}</Typography.Text>
          {i.limits.map((l) => (
            <div key={l.n} style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('perBallot', { n: l.n })}</Typography.Text>
              <Flex vertical gap={4} style={{ marginTop: 4 }}>
                {l.rules.length === 0 ? '—' : l.rules.map((r) => (
                  <Typography.Text key={r.ruleId} style={{ fontSize: 13 }}>
                    <Tag color="geekblue" style={{ marginInlineEnd: 6 }}>{r.label}</Tag>{pick(r.message)}
                  </Typography.Text>
                ))}
              </Flex>
            </div>
          ))}
          {i.findings.length === 0 ? (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 8 }}>{t('noFindings')}</Typography.Text>
          ) : (
            <List size="small" style={{ marginTop: 8 }} dataSource={i.findings} renderItem={(f) => (
              <List.Item>
                <Alert type={INFORMATIVE.has(f.code) ? 'info' : 'warning'} showIcon title={pick(f.message)} style={{ width: '100%' }} />
              </List.Item>
            )} />
          )}
        </Card>
      ))}
    </Flex>
  );
}

/** Findings that only inform (a rule that can never bind, an analysis skipped for size); the others are warnings. */
const INFORMATIVE = new Set(['rule_never_binds', 'analysis_skipped']);
