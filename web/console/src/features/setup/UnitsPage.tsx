/** 单位: upload a CSV/xlsx with a preview and row-level errors before anything is saved, or import from the divisions. */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Table, Tag, Tree, Typography, Upload } from 'antd';
import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../../layout/Page.js';
import { errorDetails, setupApi, uploadUnits, type ErrorDetail, type Unit, type UnitImport } from './api.js';
import { DivisionImport } from './RootPicker.js';
import { unitMessages } from './unitMessages.js';
import { errorText } from '../../api/error-text.js';

type Preview = { file: File; result: UnitImport } | { file: File; errors: ErrorDetail[]; message: string };

export default function UnitsPage() {
  const t = useT(unitMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  const check = async (file: File) => {
    setBusy(true);
    try {
      setPreview({ file, result: await uploadUnits(file, true, me?.csrfToken) });
    } catch (e) {
      setPreview({ file, errors: errorDetails(e), message: errorText(e, pick) });
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!preview || !('result' in preview)) return;
    setBusy(true);
    try {
      const r = await uploadUnits(preview.file, false, me?.csrfToken);
      message.success(t('importedN', { n: r.imported }));
      setPreview(null);
      setRound((n) => n + 1);
    } catch (e) {
      setPreview({ file: preview.file, errors: errorDetails(e), message: errorText(e, pick) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Row gutter={16}>
        <Col span={15}>
          <Card title={t('upload')}>
            <Typography.Paragraph type="secondary">{t('uploadHint')}</Typography.Paragraph>
            <Upload.Dragger
              accept=".csv,.xlsx"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(file) => {
                void check(file);
                return false;
              }}
              data-testid="units-upload"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">{t('drop')}</p>
            </Upload.Dragger>
            {preview && <PreviewView preview={preview} busy={busy} onConfirm={commit} />}
          </Card>
        </Col>
        <Col span={9}>
          <Flex vertical gap={16}>
            <Card title={t('divisions')}>
              <DivisionImport onImported={() => setRound((n) => n + 1)} />
            </Card>
            <Card title={t('stored')}>
              <UnitTree key={round} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function PreviewView({ preview, busy, onConfirm }: { preview: Preview; busy: boolean; onConfirm(): void }) {
  const t = useT(unitMessages);
  const pick = useBilingual();
  if ('errors' in preview) {
    return (
      <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="units-errors">
        <Alert type="error" showIcon title={preview.errors.length > 0 ? t('previewBad', { n: preview.errors.length }) : preview.message} description={preview.file.name} />
        {preview.errors.length > 0 && (
          <Table<ErrorDetail>
            size="small"
            rowKey={(e) => `${e.row}-${e.path}-${pick(e.message)}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={preview.errors}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 80, render: (r: number | undefined) => (r ? <Typography.Text strong>{t('rowN', { n: r })}</Typography.Text> : t('fileLevel')) },
              { title: t('column'), dataIndex: 'path', width: 110 },
              { title: t('problem'), dataIndex: 'message', render: (m: ErrorDetail['message']) => pick(m) },
            ]}
          />
        )}
      </Flex>
    );
  }
  const units = preview.result.units;
  const names = new Map(units.map((u) => [u.id, u.name]));
  return (
    <Flex vertical gap={8} style={{ marginTop: 16 }} data-testid="units-preview">
      <Alert
        type="success"
        showIcon
        title={t('previewOk', { n: units.length })}
        description={preview.file.name}
        action={<Button type="primary" loading={busy} onClick={onConfirm} data-testid="units-confirm">{t('confirm')}</Button>}
      />
      <Table<Unit>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={units}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 140 },
          { title: t('name'), dataIndex: 'name' },
          { title: t('level'), dataIndex: 'level', width: 130, render: (l: Unit['level']) => <Tag>{t(l)}</Tag> },
          { title: t('parent'), dataIndex: 'parentId', render: (p: string | null) => (p ? names.get(p) ?? p : '—') },
        ]}
      />
    </Flex>
  );
}

/** The stored tree, one level at a time. */
function UnitTree() {
  const t = useT(unitMessages);
  const [nodes, setNodes] = useState<TreeDataNode[] | null>(null);
  const toNode = useCallback((u: Unit): TreeDataNode => ({ key: u.id, title: `${u.name}${u.code ? `（${u.code}）` : ''}`, isLeaf: u.level === 'grid' }), []);
  useEffect(() => {
    setupApi.units().then((roots) => setNodes(roots.map(toNode)), () => setNodes([]));
  }, [toNode]);
  const load = async (node: TreeDataNode) => {
    const children = (await setupApi.units(`?parent=${encodeURIComponent(String(node.key))}`)).map(toNode);
    const attach = (list: TreeDataNode[]): TreeDataNode[] =>
      list.map((n) => (n.key === node.key ? { ...n, children, isLeaf: children.length === 0 } : n.children ? { ...n, children: attach(n.children) } : n));
    setNodes((current) => attach(current ?? []));
  };
  if (nodes === null) return null;
  if (nodes.length === 0) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  return <Tree treeData={nodes} loadData={load} height={360} />;
}
