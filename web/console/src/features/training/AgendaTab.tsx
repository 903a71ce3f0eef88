/** 日程: the agenda day by day, one column per day of the class; the office adds, edits and deletes lessons. */
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { Lesson, TrainingClass } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useLang, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { agendaByDay, clockOf, dayLabel } from './agenda.js';
import { paths } from '../../paths.js';
import { LessonDrawer } from './LessonDrawer.js';
import { trainingMessages } from './messages.js';
import { rolesOf } from './roles.js';

const KIND_COLOR: Record<Lesson['kind'], string> = { forum: 'red', synchronized: 'blue', seminar: 'gold', topic: 'green', case: 'purple', lecture: 'cyan' };

type Editing = { lesson: Lesson } | { day: string } | null;

export function AgendaTab({ cls, onChanged }: { cls: TrainingClass; onChanged(): void }) {
  const t = useT(trainingMessages);
  const { lang } = useLang();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const [editing, setEditing] = useState<Editing>(null);
  const days = agendaByDay(cls.startsOn, cls.endsOn, cls.agenda);
  const noVenues = cls.venues.length === 0;

  return (
    <>
      {can.edit && noVenues && <Alert type="info" showIcon title={t('needVenue')} style={{ marginBottom: 16 }} />}
      {days.length === 0 && <Alert type="warning" showIcon title={t('noDays')} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: 16, alignItems: 'start' }}>
        {days.map((d) => (
          <Card
            key={d.day}
            size="small"
            data-testid={`agenda-day-${d.day}`}
            title={
              <Flex vertical>
                <span>{d.index === null ? t('outsideDays') : t('dayN', { n: d.index })}</span>
                <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{dayLabel(d.day, lang)} · {d.day}</Typography.Text>
              </Flex>
            }
            extra={can.edit && d.index !== null && (
              <Button size="small" disabled={noVenues} onClick={() => setEditing({ day: d.day })} data-testid={`add-lesson-${d.day}`}>{t('addLesson')}</Button>
            )}
          >
            {d.lessons.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noLessons')} />
            ) : (
              <Flex vertical gap={12}>
                {d.lessons.map((l) => <LessonItem key={l.id} cls={cls} lesson={l} editable={can.edit} onEdit={() => setEditing({ lesson: l })} onDeleted={onChanged} />)}
              </Flex>
            )}
          </Card>
        ))}
      </div>
      {editing && (
        <LessonDrawer
          cls={cls}
          lesson={'lesson' in editing ? editing.lesson : undefined}
          day={'day' in editing ? editing.day : undefined}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onChanged();
          }}
        />
      )}
    </>
  );
}

function LessonItem({ cls, lesson: l, editable, onEdit, onDeleted }: { cls: TrainingClass; lesson: Lesson; editable: boolean; onEdit(): void; onDeleted(): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { colon, paren } = usePunctuation();
  const venueName = new Map(cls.venues.map((v) => [v.id, v.name]));
  const remove = async () => {
    try {
      await training.deleteLesson(cls.id, l.id);
      message.success(t('deleted'));
      onDeleted();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };
  const ownRules = l.graceMinutes !== null || l.lateSharePercent !== null;
  return (
    <div data-testid="agenda-lesson" style={{ borderInlineStart: '3px solid #f0d0d0', paddingInlineStart: 10 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong data-testid="lesson-time">{clockOf(l.startsAt)}–{l.day === l.endsAt.slice(0, 10) ? clockOf(l.endsAt) : l.endsAt.replace('T', ' ')}</Typography.Text>
        <span>
          <Tag color={KIND_COLOR[l.kind]}>{pick(l.kindLabel)}</Tag>
          <Tag>{t('hoursValue', { hours: l.hours })}</Tag>
        </span>
      </Flex>
      <Typography.Paragraph strong style={{ margin: '4px 0' }} data-testid="lesson-title">{l.title}</Typography.Paragraph>
      <Flex vertical gap={2} style={{ fontSize: 13 }}>
        <span><Typography.Text type="secondary">{t('venuesLabel')}{colon}</Typography.Text>{l.venueIds.map((v) => venueName.get(v) ?? '').filter(Boolean).join(lang === 'zh' ? '、' : ', ')}</span>
        {l.speakers.length > 0 && (
          <span><Typography.Text type="secondary">{t('speakersLabel')}{colon}</Typography.Text>{l.speakers.map((s) => (s.title ? `${s.name}${paren(s.title)}` : s.name)).join(lang === 'zh' ? '、' : ', ')}</span>
        )}
        {l.materials.length > 0 && (
          <span><Typography.Text type="secondary">{t('materialsLabel')}{colon}</Typography.Text>
            {l.kind === 'case'
              // 案例教学: each material is a case of the library; its title opens the library's search for it.
              ? l.materials.map((m, i) => (
                  <span key={m.title}>{i > 0 && (lang === 'zh' ? '、' : ', ')}<Link to={paths.cases(m.title.replace(/^《(.*)》$/u, '$1'))} data-testid="case-material">{m.title}</Link>{m.note ? paren(m.note) : ''}</span>
                ))
              : l.materials.map((m) => (m.note ? `${m.title}${paren(m.note)}` : m.title)).join(lang === 'zh' ? '、' : ', ')}
          </span>
        )}
        {ownRules && <Typography.Text type="secondary">{t('ownRules', { grace: l.effectiveGraceMinutes, share: l.effectiveLateSharePercent })}</Typography.Text>}
      </Flex>
      {editable && (
        <Flex gap={4} style={{ marginTop: 4 }}>
          <Button size="small" type="link" onClick={onEdit} data-testid="edit-lesson">{t('edit')}</Button>
          <Popconfirm title={t('deleteLesson', { title: l.title })} description={t('deleteLessonHint')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
            <Button size="small" type="link" danger data-testid="delete-lesson">{t('delete')}</Button>
          </Popconfirm>
        </Flex>
      )}
    </div>
  );
}
