/**
 * 发布与导出: publish the results as a 公示 (notice date and objection period), then the public notice page and the
 * exports (xlsx, PDF report, verifiable bundle). Publishing is refused by the server until every session is closed.
 */
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Result, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import type { Notice } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { defineMessages } from '../../i18n/messages.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { errorText } from '../../api/error-text.js';

const m = defineMessages({
  title: { zh: '发布与导出', en: 'Publish and export' },
  publish: { zh: '发布公示', en: 'Publish the notice' },
  publishHint: { zh: '发布后结果即固定（保存快照与校验码），各单位可查看本单位结果；须全部测评会结束后才能发布。', en: 'Publishing freezes the results (snapshot and hash); units then see their own results. Every session must be closed first.' },
  noticeDate: { zh: '公示日期', en: 'Notice date' },
  objectionDays: { zh: '公示期（天，含公示当日）', en: 'Objection period (days, the notice date included)' },
  noticeTitle: { zh: '公示标题（可选）', en: 'Notice title (optional)' },
  contact: { zh: '异议受理联系方式（可选）', en: 'Contact for objections (optional)' },
  issuer: { zh: '落款（发布单位）', en: 'Issued by (signature)' },
  issuerHint: { zh: '印在公示末尾，如“中共晋城市委组织部”；发布后不能修改。', en: 'Printed at the foot of the notice, e.g. “中共晋城市委组织部”; it cannot be changed after publishing.' },
  issuerRequired: { zh: '请填写落款（发布单位）', en: 'Enter the issuing office' },
  confirm: { zh: '发布后不能撤回或修改。确定发布？', en: 'A publication cannot be withdrawn or changed. Publish now?' },
  published: { zh: '已发布公示', en: 'Published' },
  period: { zh: '公示期', en: 'Objection period' },
  hash: { zh: '结果校验码', en: 'Results hash' },
  openNotice: { zh: '打开公示页面', en: 'Open the public notice' },
  exports: { zh: '导出', en: 'Exports' },
  xlsx: { zh: '导出 Excel（排名与分项得分、计票、原始选票、加减分）', en: 'Excel (rankings with components, counts, raw ballots, adjustments)' },
  pdf: { zh: '结果报告 PDF', en: 'PDF report' },
  bundle: { zh: '导出包（可离线复核）', en: 'Bundle (verifiable offline)' },
  exportsHint: { zh: '导出内容为当前计算结果；已发布的活动与公示一致。', en: 'Exports show the current results; for a published campaign they equal the notice.' },
  days: { zh: '{from} 至 {to}（{n} 天）', en: '{from} to {to} ({n} days)' },
});

export default function PublishPage() {
  const { campaignId = '' } = useParams();
  const t = useT(m);
  const pick = useBilingual();
  const { message, modal } = App.useApp();
  const campaign = useApi(() => endpoints.campaign(campaignId), [campaignId]);
  const notice = useApi(
    () => api.get<Notice>(`/api/notices/${encodeURIComponent(campaignId)}`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    [campaignId],
  );
  const [form] = Form.useForm<{ noticeDate: dayjs.Dayjs; objectionDays: number; title?: string; contact?: string; issuer: string }>();
  const [busy, setBusy] = useState(false);

  if (campaign.error) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  if (!campaign.data || notice.loading) return <Loading />;
  const c = campaign.data.campaign;
  const enc = encodeURIComponent(campaignId);

  const publish = async () => {
    // A form with a missing field shows it there; nothing else to do.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    modal.confirm({
      title: t('confirm'),
      onOk: async () => {
        setBusy(true);
        try {
          await api.post(`/api/campaigns/${enc}/publish`, {
            noticeDate: v.noticeDate.format('YYYY-MM-DD'),
            objectionDays: v.objectionDays,
            ...(v.title ? { title: v.title } : {}),
            ...(v.contact ? { contact: v.contact } : {}),
            issuer: v.issuer.trim(),
          });
          message.success(t('published'));
          campaign.reload();
          notice.reload();
        } catch (e) {
          message.error(errorText(e, pick));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <>
      <PageHeader title={t('title')} sub={c.name} />
      <Row gutter={16}>
        <Col span={14}>
          {notice.data ? (
            <Card>
              <Result
                status="success"
                title={t('published')}
                subTitle={notice.data.title}
                extra={<a href={`/notice/${enc}`} target="_blank" rel="noreferrer"><Button type="primary" data-testid="open-notice">{t('openNotice')}</Button></a>}
              />
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('period')}>{t('days', { from: notice.data.noticeDate, to: notice.data.objectionEndDate, n: notice.data.objectionDays })}</Descriptions.Item>
                {notice.data.contact && <Descriptions.Item label={t('contact')}>{notice.data.contact}</Descriptions.Item>}
                {notice.data.issuer && <Descriptions.Item label={t('issuer')}>{notice.data.issuer}</Descriptions.Item>}
                <Descriptions.Item label={t('hash')}><Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{notice.data.resultsHash}</Typography.Text></Descriptions.Item>
              </Descriptions>
            </Card>
          ) : (
            <Card title={t('publish')}>
              <Alert type="info" showIcon title={t('publishHint')} style={{ marginBottom: 16 }} />
              <Form form={form} layout="vertical" initialValues={{ noticeDate: dayjs(), objectionDays: 5 }}>
                <Space size="large" align="start">
                  <Form.Item name="noticeDate" label={t('noticeDate')} rules={[{ required: true }]}>
                    <DatePicker data-testid="notice-date" />
                  </Form.Item>
                  <Form.Item name="objectionDays" label={t('objectionDays')} rules={[{ required: true }]}>
                    <InputNumber min={1} max={90} />
                  </Form.Item>
                </Space>
                <Form.Item name="issuer" label={t('issuer')} extra={t('issuerHint')} rules={[{ required: true, whitespace: true, message: t('issuerRequired') }]}>
                  <Input placeholder="中共晋城市委组织部" maxLength={100} data-testid="issuer" />
                </Form.Item>
                <Form.Item name="title" label={t('noticeTitle')}>
                  <Input placeholder={`关于${c.name}结果的公示`} />
                </Form.Item>
                <Form.Item name="contact" label={t('contact')}>
                  <Input placeholder="市委组织部 0356-0000000" />
                </Form.Item>
                <Button type="primary" loading={busy} onClick={publish} data-testid="publish">{t('publish')}</Button>
              </Form>
            </Card>
          )}
        </Col>
        <Col span={10}>
          <Card title={t('exports')}>
            <Typography.Paragraph type="secondary">{t('exportsHint')}</Typography.Paragraph>
            <Flex vertical gap={8} align="start">
              <a href={`/api/campaigns/${enc}/export.xlsx`} download><Button>{t('xlsx')}</Button></a>
              <a href={`/api/campaigns/${enc}/report.pdf`} target="_blank" rel="noreferrer"><Button>{t('pdf')}</Button></a>
              <a href={`/api/campaigns/${enc}/export`} download><Button>{t('bundle')}</Button></a>
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
