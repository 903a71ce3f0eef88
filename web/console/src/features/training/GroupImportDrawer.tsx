/**
 * 导入分组名单, a dry run first, as the roster's import: the report lists every bad row with its line and reason; only
 * a clean report offers the import, which sends the same file again and is all or nothing. Moving people who are in
 * another group is allowed only when the office ticks it.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Flex, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { topicGroups } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { ImportReport, TrainingClass } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { saveBlob, uploadRoster } from './files.js';
import { groupMessages } from './groupMessages.js';
import { importVerdict, type ImportRowError, rowErrorsOf } from './import-report.js';
import { trainingMessages } from './messages.js';

type State =
  | { step: 'choose' }
  | { step: 'checking'; file: File }
  | { step: 'report'; file: File; report: ImportReport }
  | { step: 'refused'; file: File; message: string; errors: ImportRowError[] };

const TEMPLATE = '\uFEFF组别,议题,姓名,单位,个人签到码,汇报人\r\n第一组,村级集体经济壮大提质,示例学员,示例镇,,是\r\n';

export function GroupImportDrawer({ cls, onDone }: { cls: TrainingClass; onDone(imported: boolean): void }) {
  const t = useT(trainingMessages);
  const tg = useT(groupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [state, setState] = useState<State>({ step: 'choose' });
  const [move, setMove] = useState(false);
  const [importing, setImporting] = useState(false);

  const refused = (file: File, e: unknown): State => ({ step: 'refused', file, message: e instanceof ApiError ? pick(e.messages) : errorText(e, pick), errors: rowErrorsOf(e) });

  const check = async (file: File, allowMoves = move) => {
    setState({ step: 'checking', file });
    try {
      setState({ step: 'report', file, report: await uploadRoster(topicGroups.importUrl(cls.id, file.name, true, allowMoves), file, me?.csrfToken) });
    } catch (e) {
      setState(refused(file, e));
    }
  };

  const commit = async () => {
    if (state.step !== 'report') return;
    setImporting(true);
    try {
      const report = await uploadRoster(topicGroups.importUrl(cls.id, state.file.name, false, move), state.file, me?.csrfToken);
      message.success(t('importedN', { n: report.imported }));
      onDone(true);
    } catch (e) {
      setState(refused(state.file, e));
    } finally {
      setImporting(false);
    }
  };

  const downloadTemplate = () => saveBlob(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }), '分组名单模板.csv');

  const report = state.step === 'report' ? state.report : null;
  const verdict = report ? importVerdict(report) : null;
  const errors: ImportRowError[] = state.step === 'report' ? state.report.errors : state.step === 'refused' ? state.errors : [];

  return (
    <Drawer open size={760} title={tg('importTitle')} onClose={() => onDone(false)} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {tg('importHint')} <Button type="link" size="small" onClick={downloadTemplate}>{tg('template')}</Button>
        </Typography.Paragraph>
        <Checkbox
          checked={move}
          onChange={(e) => {
            setMove(e.target.checked);
            // The report depends on it: check the same file again.
            if (state.step === 'report' || state.step === 'refused') void check(state.file, e.target.checked);
          }}
          data-testid="groups-allow-moves"
        >
          {tg('allowMoves')}
        </Checkbox>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={state.step === 'checking' || importing}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
          data-testid="groups-upload"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{state.step === 'checking' ? t('checking') : state.step === 'choose' ? t('drop') : t('chooseAgain')}</p>
          {state.step !== 'choose' && <p className="ant-upload-hint">{state.file.name}</p>}
        </Upload.Dragger>
        {report && (
          <Flex gap={32}>
            <Statistic title={t('reportRows')} value={report.rows} />
            <Statistic title={t('reportAccepted')} value={report.accepted} />
            <Statistic title={t('reportErrors')} value={report.errors.length} styles={{ content: { color: report.errors.length > 0 ? '#cf1322' : undefined } }} />
          </Flex>
        )}
        {verdict === 'clean' && report && (
          <Alert
            type="success"
            showIcon
            title={t('reportClean', { n: report.accepted })}
            action={<Button type="primary" loading={importing} onClick={() => void commit()} data-testid="groups-import-confirm">{t('doImport', { n: report.accepted })}</Button>}
          />
        )}
        {verdict === 'bad' && <Alert type="error" showIcon title={t('reportBad', { n: errors.length })} />}
        {verdict === 'empty' && <Alert type="warning" showIcon title={t('reportEmpty')} />}
        {state.step === 'refused' && <Alert type="error" showIcon title={t('fileRefused')} description={state.message} />}
        {errors.length > 0 && (
          <Table<ImportRowError>
            size="small"
            rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${i}`}
            dataSource={errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 100, render: (r: number) => (r > 0 ? <Typography.Text strong>{t('rowN', { n: r })}</Typography.Text> : t('fileLevel')) },
              { title: t('column'), dataIndex: 'column', width: 100, render: (c: string | undefined) => c || '—' },
              { title: t('problem'), dataIndex: 'message', render: (m: ImportRowError['message']) => pick(m) },
            ]}
          />
        )}
      </Flex>
    </Drawer>
  );
}
