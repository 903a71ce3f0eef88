/**
 * 案例附件: a case's documents in a drawer — every role that may read the case downloads them; the office uploads and
 * removes (pdf, docx, xlsx, jpg or png, recognised by content, 20 MB each at most).
 */
import { Alert, Button, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentView } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DocumentLinks, UploadButton } from '../training/DocumentParts.js';
import { chinaTime } from '../training/ReportsCard.js';
import { documents } from '../training/seminar-api.js';
import { seminarMessages } from '../training/seminar-messages.js';

export function CaseDocumentsButton({ caseId, title, office }: { caseId: string; title: string; office: boolean }) {
  const t = useT(seminarMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="case-files">{t('caseFiles')}</Button>
      {open && <CaseDocumentsDrawer caseId={caseId} title={title} office={office} onClose={() => setOpen(false)} />}
    </>
  );
}

function CaseDocumentsDrawer({ caseId, title, office, onClose }: { caseId: string; title: string; office: boolean; onClose(): void }) {
  const t = useT(seminarMessages);
  const list = useApi(() => documents.ofCase(caseId), [caseId]);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <Drawer open width={640} title={t('caseFilesTitle', { title })} onClose={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        {office && (
          <Space>
            <UploadButton<DocumentView>
              url={documents.caseUploadUrl(caseId)}
              label={t('upload')}
              primary
              testId="case-upload"
              onUploaded={() => {
                setRefusal(null);
                list.reload();
              }}
              onRefused={setRefusal}
            />
            <Typography.Text type="secondary">{t('accepts')}</Typography.Text>
          </Space>
        )}
        {refusal && <Alert type="error" showIcon closable title={refusal} onClose={() => setRefusal(null)} data-testid="case-upload-refusal" />}
        <Table<DocumentView>
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.loading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('noFiles') }}
          data-testid="case-files-table"
          columns={[
            { title: t('files'), key: 'file', render: (_: unknown, d) => <DocumentLinks files={[d]} canRemove={office} onRemoved={list.reload} /> },
            { title: t('uploader'), dataIndex: 'uploaderName', width: 140, render: (n: string | null) => n ?? '—' },
            { title: t('submittedAt'), dataIndex: 'uploadedAt', width: 150, render: (at: string) => chinaTime(at) },
          ]}
        />
      </Space>
    </Drawer>
  );
}
