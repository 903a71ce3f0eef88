/** 新建测评活动: choose the scope and the starting point, edit the set-up with the live check, save. */
import { App, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { setupApi } from './api.js';
import { scratchFrom, useDraft } from './draft.js';
import { setupMessages } from './messages.js';
import { RootPicker } from './RootPicker.js';
import { SetupEditor } from './SetupEditor.js';
import { useCounties } from './useCounties.js';
import { errorText } from '../../api/error-text.js';

export default function NewCampaignPage() {
  const t = useT(setupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [source, setSource] = useState<'template' | 'scratch'>('template');
  const [root, setRoot] = useState<string | null>(null);
  const [draft, edit, setDraft] = useDraft(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const counties = useCounties(draft);

  const build = async () => {
    if (!root) return;
    setBusy(true);
    setError(null);
    try {
      const template = await setupApi.template(root);
      setDraft(source === 'template' ? template : scratchFrom(template));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      await setupApi.create(draft);
      message.success(t('saved'));
      currentCampaign.set(draft.id);
      navigate(paths.sessions(draft.id));
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('newTitle')} sub={t('newSub')} />
      {!draft ? (
        <Card style={{ maxWidth: 760 }}>
          <Flex vertical gap={20}>
            <div>
              <Typography.Title level={5}>{t('source')}</Typography.Title>
              <Segmented
                value={source}
                onChange={(v) => setSource(v as 'template' | 'scratch')}
                options={[
                  { value: 'template', label: t('fromTemplate') },
                  { value: 'scratch', label: t('fromScratch') },
                ]}
              />
            </div>
            <div>
              <Typography.Title level={5}>{t('rootUnit')}</Typography.Title>
              <RootPicker value={root} onChange={setRoot} />
            </div>
            {error !== null && <ErrorState error={error} />}
            <Button type="primary" size="large" disabled={!root} loading={busy} onClick={build} style={{ alignSelf: 'flex-start' }} data-testid="build-setup">
              {t('start')}
            </Button>
          </Flex>
        </Card>
      ) : (
        <SetupEditor setup={draft} edit={edit} counties={counties.counties} townshipCount={counties.townships} saving={busy} onSave={save} isNew />
      )}
    </>
  );
}
