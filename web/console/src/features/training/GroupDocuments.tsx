/**
 * 研讨组成果附件: a group's output documents under its 成果 — the office lists, uploads and removes them (pdf, docx, xlsx,
 * jpg or png, recognised by content, 20 MB each at most). Only the office reads a group's files (docs/training.md).
 */
import { Alert, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentView } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { DocumentLinks, UploadButton } from './DocumentParts.js';
import { documents } from './seminar-api.js';
import { seminarMessages } from './seminar-messages.js';

export function GroupDocuments({ classId, groupId }: { classId: string; groupId: string }) {
  const t = useT(seminarMessages);
  const list = useApi(() => documents.ofGroup(classId, groupId), [classId, groupId]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const files = list.data ?? [];
  return (
    <Flex vertical gap={4} data-testid="group-files">
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary">{t('files')}：</Typography.Text>
        {files.length > 0 ? <DocumentLinks files={files} canRemove onRemoved={list.reload} /> : <Typography.Text type="secondary">{t('noFiles')}</Typography.Text>}
        <UploadButton<DocumentView>
          url={documents.groupUploadUrl(classId, groupId)}
          label={t('upload')}
          testId="group-upload"
          onUploaded={() => {
            setRefusal(null);
            list.reload();
          }}
          onRefused={setRefusal}
        />
      </Flex>
      {refusal && <Alert type="error" showIcon closable title={refusal} onClose={() => setRefusal(null)} />}
    </Flex>
  );
}
