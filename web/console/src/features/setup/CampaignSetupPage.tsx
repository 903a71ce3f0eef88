/**
 * An existing campaign's set-up: the editor (read-only once a session opened), and the ways to its sessions (the 测评会
 * page runs them) and to publication.
 */
import { Alert, App, Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { setupApi, type CampaignSetup } from './api.js';
import { useDraft } from './draft.js';
import { setupMessages } from './messages.js';
import { SetupEditor } from './SetupEditor.js';
import { useCounties } from './useCounties.js';
import { errorText } from '../../api/error-text.js';

const STATUS_COLOR = { draft: 'default', active: 'processing', published: 'success' } as const;

export default function CampaignSetupPage() {
  const { campaignId = '' } = useParams();
  const ts = useT(setupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const loaded = useApi(() => endpoints.campaign(campaignId), [campaignId]);
  const [draft, edit, setDraft] = useDraft(null);
  const [saving, setSaving] = useState(false);
  const counties = useCounties(draft);

  useEffect(() => {
    if (!loaded.data) return;
    currentCampaign.set(campaignId);
    const { units: _u, sessions: _s, ...rest } = loaded.data.definition;
    const setup: CampaignSetup = { ...rest, rootUnitId: loaded.data.campaign.rootUnitId ?? '' };
    setDraft(setup);
  }, [loaded.data, campaignId, setDraft]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || !draft) return <Loading />;
  const { campaign } = loaded.data;
  const frozen = campaign.status !== 'draft';

  const save = async () => {
    setSaving(true);
    try {
      await setupApi.replace(campaignId, draft);
      message.success(ts('saved'));
      loaded.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={campaign.name}
        sub={<Tag color={STATUS_COLOR[campaign.status as keyof typeof STATUS_COLOR]}>{ts(`status_${campaign.status}` as 'status_draft')}</Tag>}
        extra={
          <>
            <Link to={paths.sessions(campaignId)}><Button>{ts('toSessions')}</Button></Link>
            <Link to={paths.publish(campaignId)}><Button>{ts('toPublish')}</Button></Link>
          </>
        }
      />
      {frozen && <Alert type="info" showIcon title={ts('frozen')} style={{ marginBottom: 12 }} />}
      <SetupEditor setup={draft} edit={edit} counties={counties.counties} townshipCount={counties.townships} disabled={frozen} saving={saving} onSave={save} isNew={false} />
    </>
  );
}
