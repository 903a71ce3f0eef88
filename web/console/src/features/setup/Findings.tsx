/** The editor's own findings under a list it checks: errors in red, warnings in orange, one line each. */
import { Flex, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import { setupMessages } from './messages.js';
import type { Finding } from './rubric.js';

export function Findings({ findings, testId }: { findings: Finding[]; testId: string }) {
  const t = useT(setupMessages);
  if (findings.length === 0) return null;
  return (
    <Flex vertical gap={2} data-testid={testId}>
      {findings.map((f, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: read-only messages, rebuilt whole on each check; a line holds no state
        <Typography.Text key={n} type={f.level === 'error' ? 'danger' : 'warning'}>
          {f.level === 'error' ? '✕ ' : '! '}{t(f.message, f.params)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** The input status of one field of one row: its worst finding. */
export function statusOf(findings: Finding[], id: string | null, field: Finding['field']): 'error' | 'warning' | undefined {
  const mine = findings.filter((f) => f.id === id && f.field === field);
  if (mine.some((f) => f.level === 'error')) return 'error';
  return mine.length > 0 ? 'warning' : undefined;
}
