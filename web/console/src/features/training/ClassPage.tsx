/**
 * 培训班: one class on its tabs — 日程 (the agenda day by day), 会场, 学员 (the roster), 签到 (live check-in per lesson),
 * 考勤 (attendance and 学时), 座谈会 (speakers and written reports), 研讨组 (topic groups) and 讲收获 (reflections).
 * The tab is part of the address, so a reload or a shared link opens the same one. Each tab shows what the role may
 * do: the office edits; a clerk fixes the roster and enters 补签; a county viewer reads its own county's roster,
 * attendance, reports, groups and reflections.
 */
import { App, Breadcrumb, Button, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { endpoints, training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { classDays } from './agenda.js';
import { AgendaTab } from './AgendaTab.js';
import { AttendanceTab } from './AttendanceTab.js';
import { CheckinTab } from './CheckinTab.js';
import { ClassFormModal } from './ClassFormModal.js';
import { downloadFile } from './files.js';
import { trainingMessages } from './messages.js';
import { ReflectionsTab } from './ReflectionsTab.js';
import { RosterTab } from './RosterTab.js';
import { SeminarTab } from './SeminarTab.js';
import { seminarMessages } from './seminar-messages.js';
import { rolesOf } from './roles.js';
import { TopicGroupsTab } from './TopicGroupsTab.js';
import { VenuesTab } from './VenuesTab.js';

const TABS = ['agenda', 'venues', 'roster', 'checkin', 'attendance', 'seminar', 'groups', 'reflections'] as const;
type Tab = (typeof TABS)[number];
const LABEL = { agenda: 'tabAgenda', venues: 'tabVenues', roster: 'tabRoster', checkin: 'tabCheckin', attendance: 'tabAttendance', groups: 'tabGroups', reflections: 'tabReflections' } as const;

export default function ClassPage() {
  const t = useT(trainingMessages);
  const ts = useT(seminarMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { classId = '', tab: tabParam } = useParams();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'agenda';
  const cls = useApi((signal) => training.get(classId, signal), [classId]);
  const campaigns = useApi(() => endpoints.campaigns().catch(() => []), []);
  const [editing, setEditing] = useState(false);
  const [printing, setPrinting] = useState(false);

  if (cls.error && !cls.data) return <ErrorState error={cls.error} onRetry={cls.reload} />;
  if (!cls.data) return <Loading />;
  const c = cls.data;
  const campaignName = c.campaignId ? campaigns.data?.find((x) => x.id === c.campaignId)?.name : null;

  const printAgenda = async () => {
    setPrinting(true);
    try {
      await downloadFile(training.agendaPdfUrl(c.id), `${c.name}-日程.pdf`);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setPrinting(false);
    }
  };

  const sub = [
    t('datesValue', { from: c.startsOn, to: c.endsOn, days: classDays(c.startsOn, c.endsOn).length }),
    c.rootUnitName,
    c.campaignId ? campaignName ?? '' : t('standalone'),
    t('classRules', { grace: c.graceMinutes, share: c.lateSharePercent }),
  ].filter(Boolean).join(' · ');

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={paths.training()}>{t('backToList')}</Link> }, { title: c.name }]} />
      <PageHeader
        title={c.name}
        sub={sub}
        extra={
          <>
            <Button onClick={() => void printAgenda()} loading={printing} data-testid="print-agenda">{t('printAgenda')}</Button>
            {can.edit && <Button onClick={() => setEditing(true)} data-testid="edit-class">{t('editClass')}</Button>}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(paths.trainingClass(c.id, key as Tab))}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{key === 'seminar' ? ts('tabSeminar') : t(LABEL[key])}</span> }))}
      />
      {tab === 'agenda' && <AgendaTab cls={c} onChanged={cls.reload} />}
      {tab === 'venues' && <VenuesTab cls={c} onChanged={cls.reload} />}
      {tab === 'roster' && <RosterTab cls={c} onChanged={cls.reload} />}
      {tab === 'checkin' && <CheckinTab cls={c} />}
      {tab === 'attendance' && <AttendanceTab cls={c} />}
      {tab === 'seminar' && <SeminarTab cls={c} />}
      {tab === 'groups' && <TopicGroupsTab cls={c} />}
      {tab === 'reflections' && <ReflectionsTab cls={c} />}
      {editing && <ClassFormModal editing={c} onDone={(saved) => { setEditing(false); if (saved) cls.reload(); }} />}
    </>
  );
}
