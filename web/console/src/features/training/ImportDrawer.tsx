/**
 * 导入学员名单, a real dry run first: the file is checked (nothing stored) and the report lists the rows read, how many
 * can be imported and every bad row with its line number and reason. Only a clean report offers the import, which
 * sends the same file again with dryRun=false; the server re-checks it and imports all of it or nobody.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { ImportReport, TrainingClass } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { rosterTemplate, saveBlob, uploadRoster } from './files.js';
import { importVerdict, type ImportRowError, rowErrorsOf } from './import-report.js';
import { trainingMessages } from './messages.js';

type State =
  | { step: 'choose' }
  | { step: 'checking'; file: File }
  | { step: 'report'; file: File; report: ImportReport }
  | { step: 'refused'; file: File; message: string; errors: ImportRowError[] };

export function ImportDrawer({ cls, onDone }: { cls: TrainingClass; onDone(imported: boolean): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [state, setState] = useState<State>({ step: 'choose' });
  const [importing, setImporting] = useState(false);

  const check = async (file: File) => {
    setState({ step: 'checking', file });
    try {
      setState({ step: 'report', file, report: await uploadRoster(training.importUrl(cls.id, file.name, true), file, me?.csrfToken) });
    } catch (e) {
      setState({ step: 'refused', file, message: e instanceof ApiError ? pick(e.messages) : errorText(e, pick), errors: rowErrorsOf(e) });
    }
  };

  const commit = async () => {
    if (state.step !== 'report') return;
    setImporting(true);
    try {
      const report = await uploadRoster(training.importUrl(cls.id, state.file.name, false), state.file, me?.csrfToken);
      message.success(t('importedN', { n: report.imported }));
      onDone(true);
    } catch (e) {
      setState({ step: 'refused', file: state.file, message: e instanceof ApiError ? pick(e.messages) : errorText(e, pick), errors: rowErrorsOf(e) });
    } finally {
      setImporting(false);
    }
  };

  const downloadTemplate = () => saveBlob(new Blob([rosterTemplate({ unit: cls.rootUnitName })], { type: 'text/csv;charset=utf-8' }), '学员名单模板.csv');

  const report = state.step === 'report' ? state.report : null;
  const verdict = report ? importVerdict(report) : null;
  const errors: ImportRowError[] = state.step === 'report' ? state.report.errors : state.step === 'refused' ? state.errors : [];

  return (
    <Drawer open size={760} title={t('importTitle')} onClose={() => onDone(false)} destroyOnHidden>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('importHint')} <Button type="link" size="small" onClick={downloadTemplate}>{t('template')}</Button>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={state.step === 'checking' || importing}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
          data-testid="roster-upload"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{state.step === 'checking' ? t('checking') : state.step === 'choose' ? t('drop') : t('chooseAgain')}</p>
          {state.step !== 'choose' && <p className="ant-upload-hint">{state.file.name}</p>}
        </Upload.Dragger>

        {report && (
          <Flex gap={32} data-testid="import-report">
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
            action={<Button type="primary" loading={importing} onClick={() => void commit()} data-testid="import-confirm">{t('doImport', { n: report.accepted })}</Button>}
            data-testid="import-clean"
          />
        )}
        {verdict === 'bad' && <Alert type="error" showIcon title={t('reportBad', { n: errors.length })} data-testid="import-bad" />}
        {verdict === 'empty' && <Alert type="warning" showIcon title={t('reportEmpty')} data-testid="import-empty" />}
        {state.step === 'refused' && <Alert type="error" showIcon title={t('fileRefused')} description={state.message} data-testid="import-refused" />}
        {errors.length > 0 && (
          <Table<ImportRowError>
            size="small"
            rowKey={(e, i) => `${e.row}-${e.column ?? ''}-${i}`}
            dataSource={errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="import-errors"
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
