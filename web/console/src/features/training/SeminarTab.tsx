/** 座谈会: the class's speakers in order, and the townships' written reports with their status. */
import { Space } from 'antd';
import type { TrainingClass } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ReportsCard } from './ReportsCard.js';
import { rolesOf } from './roles.js';
import { SpeakersCard } from './SpeakersCard.js';

export function SeminarTab({ cls }: { cls: TrainingClass }) {
  const { me } = useAuth();
  const office = rolesOf(me?.role).edit;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <SpeakersCard cls={cls} office={office} />
      {me?.role !== 'clerk' && <ReportsCard cls={cls} office={office} />}
    </Space>
  );
}
