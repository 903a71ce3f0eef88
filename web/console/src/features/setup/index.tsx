/** 设置: a new campaign at /console/campaigns/new, an existing one's set-up at …/:campaignId/setup (sessions: 测评会). */
import { useParams } from 'react-router';
import CampaignSetupPage from './CampaignSetupPage.js';
import NewCampaignPage from './NewCampaignPage.js';

export default function SetupPage() {
  const { campaignId } = useParams();
  return campaignId ? <CampaignSetupPage key={campaignId} /> : <NewCampaignPage />;
}
