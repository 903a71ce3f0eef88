/** Shared page pieces: a title row, a loading state, an error with retry. */
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useBilingual, useT } from '../i18n/I18nProvider.js';
import { errorLines, errorText } from '../api/error-text.js';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" gap={16} style={{ marginBottom: 16 }} wrap>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra && <Flex gap={8} wrap>{extra}</Flex>}
    </Flex>
  );
}

export function Loading() {
  const t = useT();
  return <Flex justify="center" style={{ padding: 64 }}><Spin description={t('loading')} /></Flex>;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const pick = useBilingual();
  const lines = [...new Set(errorLines(error, pick))];
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? pick(error.messages) : errorText(error, pick)}
      description={lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{lines.slice(0, 10).map((l) => <li key={l}>{l}</li>)}</ul>}
      action={onRetry && <Button size="small" onClick={onRetry}>{t('retry')}</Button>}
    />
  );
}

/** An API that may not be deployed yet (404 route_not_found): say so plainly instead of failing. */
export function isMissingApi(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'route_not_found';
}
