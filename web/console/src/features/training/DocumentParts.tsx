/**
 * Documents as the console shows them: each file a download link with its size, removable where the role may; and
 * the one-file upload button (the server recognises the type by content; a file over 20 MB is stopped here already).
 */
import { App, Button, Popconfirm, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../../api/error-text.js';
import type { DocumentView } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { downloadFile } from './files.js';
import { ACCEPTED_FILES, documents, FILE_LIMIT_BYTES, fileSize, uploadFile } from './seminar-api.js';
import { seminarMessages } from './seminar-messages.js';

export function DocumentLinks({ files, canRemove, onRemoved }: { files: DocumentView[]; canRemove: boolean; onRemoved(): void }) {
  const t = useT(seminarMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  if (files.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const download = (d: DocumentView) => downloadFile(documents.url(d.id), d.fileName).catch((e: unknown) => message.error(errorText(e, pick)));
  const remove = async (d: DocumentView) => {
    try {
      await documents.remove(d.id);
      message.success(t('fileRemoved'));
      onRemoved();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };
  return (
    <Space direction="vertical" size={0}>
      {files.map((d) => (
        <Space key={d.id} size={4}>
          <Typography.Link onClick={() => void download(d)} data-testid="document-link">{d.fileName}</Typography.Link>
          <Typography.Text type="secondary">{fileSize(d.size)}</Typography.Text>
          {canRemove && (
            <Popconfirm title={t('removeFileConfirm', { name: d.fileName })} okText={t('remove')} cancelText={t('cancel')} onConfirm={() => remove(d)}>
              <Button size="small" type="link" danger data-testid="remove-document">{t('remove')}</Button>
            </Popconfirm>
          )}
        </Space>
      ))}
    </Space>
  );
}

/** A button that picks one file and uploads it to `url`; `onUploaded` gets the server's answer. */
export function UploadButton<T>({ url, label, onUploaded, onRefused, testId, primary }: { url: string; label: string; onUploaded(answer: T): void; onRefused?(text: string): void; testId: string; primary?: boolean }) {
  const t = useT(seminarMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    if (file.size > FILE_LIMIT_BYTES) {
      const text = t('tooLarge', { name: file.name });
      onRefused?.(text);
      message.error(text);
      return;
    }
    setBusy(true);
    try {
      onUploaded(await uploadFile<T>(url, file, me?.csrfToken));
      message.success(t('uploaded', { name: file.name }));
    } catch (e) {
      const text = errorText(e, pick);
      onRefused?.(text);
      message.error(text);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void send(file);
        }}
      />
      <Button size="small" type={primary ? 'primary' : 'default'} loading={busy} onClick={() => input.current?.click()} data-testid={testId}>
        {busy ? t('uploading') : label}
      </Button>
    </>
  );
}
