/**
 * The columns that a list of named rows with a cap in points shares — 评分细则's criteria and 加减分项's items: the
 * name, the maximum, and removing the row (the last row stays). Each editor adds its own columns around them.
 */
import { Button, Input, InputNumber, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Finding } from './rubric.js';
import { statusOf } from './Findings.js';
import type { setupMessages } from './messages.js';

type T = (key: keyof typeof setupMessages & string, params?: Record<string, string | number>) => string;

export interface PointRow {
  id: string;
  label: string;
  maxPoints: string;
}

export function pointRowColumns<R extends PointRow>(o: {
  t: T;
  labelTitle: string;
  maxTitle: string;
  rows: readonly R[];
  findings: Finding[];
  disabled: boolean | undefined;
  update: (id: string, fn: (row: R) => void) => void;
  remove: (id: string) => void;
}): TableColumnsType<R> {
  const { t, disabled, findings } = o;
  const last = o.rows.length <= 1;
  return [
    {
      title: o.labelTitle,
      dataIndex: 'label',
      render: (v: string, r, n) => (
        <Input value={v} disabled={disabled} status={statusOf(findings, r.id, 'label')} aria-label={`${o.labelTitle} ${n + 1}`} maxLength={200} onChange={(e) => o.update(r.id, (x) => void (x.label = e.target.value))} />
      ),
    },
    {
      title: o.maxTitle,
      dataIndex: 'maxPoints',
      width: 170,
      render: (v: string, r, n) => (
        <InputNumber<string>
          stringMode
          min="0"
          value={v}
          disabled={disabled}
          status={statusOf(findings, r.id, 'maxPoints')}
          suffix={t('pointsSuffix')}
          aria-label={`${o.maxTitle} ${n + 1}`}
          style={{ width: 140 }}
          onChange={(p) => o.update(r.id, (x) => void (x.maxPoints = p ?? ''))}
        />
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 80,
      render: (_: unknown, r) => (
        <Tooltip title={last ? t('lastRowKept') : undefined}>
          <Button type="link" danger size="small" disabled={disabled || last} onClick={() => o.remove(r.id)}>
            {t('remove')}
          </Button>
        </Tooltip>
      ),
    },
  ];
}
