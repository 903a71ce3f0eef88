/**
 * 规则检查: the server's check of the set-up as it stands (nothing saved), re-asked a moment after each change. Shows
 * the set-up's errors, and per grade instrument each rule as a concrete count for the real ballot sizes, with the
 * rules that can never bind or cannot be met.
 */
import { Alert, Card, Flex, List, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { errorDetails, setupApi, type CampaignSetup, type SetupCheck } from './api.js';
import { setupMessages } from './messages.js';

/** `setup` is the set-up as it was checked, to name the parts a problem's path points at. */
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
        description={details.length > 0 && <List size="small" dataSource={details.slice(0, 20)} renderItem={(d) => <List.Item><Problem setup={state.setup} path={d.path} text={pick(d.message)} /></List.Item>} />}
      />
    );
  }
  const { result } = state;
  return (
    <Flex vertical gap={12} data-testid="check-result">
      {result.ok ? (
        <Alert type="success" showIcon title={t('checkOk')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('checkProblems', { n: result.problems.length })}
          description={<List size="small" dataSource={result.problems.slice(0, 30)} renderItem={(p) => <List.Item><Problem setup={state.setup} path={p.path} text={pick(p.message)} /></List.Item>} />}
        />
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
                <Alert type={f.code === 'rule_never_binds' || f.code === 'analysis_skipped' ? 'info' : 'warning'} showIcon title={pick(f.message)} style={{ width: '100%' }} />
              </List.Item>
            )} />
          )}
        </Card>
      ))}
    </Flex>
  );
}

/**
 * One problem, led by the name of the part it is in (“专班评”) instead of its raw path, which stays as the remainder
 * (`criteria[0].label`). Schema problems come as body.instruments.1.criteria.0.label, set-up problems as
 * instruments[1].criteria; both texts start with the path, which is dropped from the text.
 */
function Problem({ setup, path, text }: { setup: CampaignSetup; path: string | undefined; text: string }) {
  if (!path) return <span>{text}</span>;
  const normal = path.replace(/^body\.?/, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const m = /^(instruments|rankings|raterGroups|subjects)\[(\d+)\]\.?(.*)$/.exec(normal);
  const part = m ? (setup[m[1] as 'instruments'] as { name?: string }[] | undefined)?.[Number(m[2])]?.name : undefined;
  const rest = m ? m[3] : normal;
  const bare = text.replace(new RegExp(`^${escapeRegExp(path)}[：:]\\s*`), '').replace(SCHEMA_PREFIX, '');
  return (
    <span>
      {part && <Tag style={{ marginInlineEnd: 6 }}>{part}</Tag>}
      {rest && <Typography.Text code style={{ marginInlineEnd: 6 }}>{rest}</Typography.Text>}
      {bare}
    </span>
  );
}

/** How the server's schema messages start: 请求体字段「instruments.1.label」： / body field "instruments.1.label": */
const SCHEMA_PREFIX = /^(?:(?:请求体|查询参数|路径参数|请求头|请求)(?:字段「[^」]*」)?：|(?:body|querystring|params|headers)(?: field "[^"]*")?:\s*)/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
