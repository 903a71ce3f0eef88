/**
 * 本单位书面材料: what a township viewer sees first on the training page — its own reports still to hand in (or sent
 * back), the office's reminders and notes, and the button to upload. Nothing shows for anyone else.
 */
import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MyReport, SeminarReport } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { paths } from '../../paths.js';
import { DocumentLinks, UploadButton } from './DocumentParts.js';
import { chinaTime, StatusTag } from './ReportsCard.js';
import { seminar } from './seminar-api.js';
import { seminarMessages } from './seminar-messages.js';

export function MyReportsCard() {
  const t = useT(seminarMessages);
  const mine = useApi(() => seminar.mine(), []);
  const [refusal, setRefusal] = useState<string | null>(null);
  const reports = mine.data ?? [];
  if (reports.length === 0) return null;
  return (
    <Card title={t('myReports')} style={{ marginBottom: 16 }} data-testid="my-reports">
      <Typography.Paragraph type="secondary">{t('myReportsHint')} · {t('accepts')}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon closable title={refusal} onClose={() => setRefusal(null)} style={{ marginBottom: 12 }} data-testid="my-upload-refusal" />}
      <List<MyReport>
        dataSource={reports}
        renderItem={(r) => (
          <List.Item
            actions={[
              r.status !== 'accepted' && (
                <UploadButton<SeminarReport>
                  key="upload"
                  url={seminar.uploadUrl(r.classId, r.id)}
                  label={t('uploadReport')}
                  primary
                  testId="my-upload"
                  onUploaded={() => {
                    setRefusal(null);
                    mine.reload();
                  }}
                  onRefused={setRefusal}
                />
              ),
              <Link key="open" to={paths.trainingClass(r.classId, 'seminar')}>
                <Button size="small" type="link">{t('openClass')}</Button>
              </Link>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space>
                  <span>{r.title || t('reportTitleDefault')}</span>
                  <StatusTag status={r.status} />
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <span>{t('classLabel')}：{r.className}</span>
                  {r.status === 'missing' && r.reminders > 0 && <Typography.Text type="warning" data-testid="my-reminder">{t('remindedOn', { at: chinaTime(r.remindedAt), n: r.reminders })}</Typography.Text>}
                  {r.note && <Typography.Text type="danger">{t('note')}：{r.note}</Typography.Text>}
                  <DocumentLinks files={r.documents} canRemove={r.status !== 'accepted'} onRemoved={mine.reload} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
