/**
 * 课次表单: kind, title, day and times, venues (the first is the main one), speakers, materials, 学时 and, when this
 * lesson differs from the class, its own grace and late share. A lesson that ends before it starts, lies outside the
 * class's days or declares impossible hours is refused here before anything is sent; anything else the server refuses
 * is shown in the drawer, with its reasons.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Form, Input, InputNumber, Select, Space, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { training } from '../../api/endpoints.js';
import { errorLines, errorText } from '../../api/error-text.js';
import type { Lesson, LessonRequest, TrainingClass } from '../../api/types.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { classDays, clockOf, dayLabel, dayOf, lessonTimeProblem, validHoursText } from './agenda.js';
import { lessonKindLabels, trainingMessages } from './messages.js';

interface Values {
  kind: Lesson['kind'];
  title: string;
  day: string;
  start: Dayjs | null;
  end: Dayjs | null;
  venueIds: string[];
  speakers: { name: string; title?: string }[];
  materials: { title: string; note?: string }[];
  hours: string;
  graceMinutes: number | null;
  lateSharePercent: number | null;
}

const KINDS = Object.keys(lessonKindLabels) as Lesson['kind'][];
const CLOCK = 'HH:mm';

const toClock = (localDateTime: string): Dayjs => {
  const [h = 0, m = 0] = clockOf(localDateTime).split(':').map(Number);
  return dayjs().hour(h).minute(m).second(0).millisecond(0);
};

export function LessonDrawer({ cls, lesson, day, onDone }: { cls: TrainingClass; lesson?: Lesson; day?: string; onDone(saved: Lesson | null): void }) {
  const t = useT(trainingMessages);
  const tk = useT(lessonKindLabels);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);
  const days = classDays(cls.startsOn, cls.endsOn);
  // A new lesson starts at the city's own venue (its party school) when there is one: the usual main venue.
  const mainVenue = cls.venues.find((v) => v.unitId === cls.rootUnitId) ?? cls.venues[0];
  // A lesson that runs past midnight keeps its own end day; the form edits its times.
  const endDayOffset = lesson ? dayOf(lesson.endsAt) !== dayOf(lesson.startsAt) : false;

  const times = (v: Pick<Values, 'day' | 'start' | 'end'>): { startsAt: string; endsAt: string } | null => {
    if (!v.day || !v.start || !v.end) return null;
    const endDay = endDayOffset && lesson ? dayOf(lesson.endsAt) : v.day;
    return { startsAt: `${v.day}T${v.start.format(CLOCK)}`, endsAt: `${endDay}T${v.end.format(CLOCK)}` };
  };

  const submit = async () => {
    const v = await form.validateFields();
    const when = times(v);
    if (!when) return;
    const body: LessonRequest = {
      kind: v.kind,
      title: v.title.trim(),
      ...when,
      venueIds: v.venueIds,
      speakers: (v.speakers ?? []).filter((s) => s?.name?.trim()).map((s) => ({ name: s.name.trim(), title: s.title?.trim() ?? '' })),
      materials: (v.materials ?? []).filter((m) => m?.title?.trim()).map((m) => ({ title: m.title.trim(), note: m.note?.trim() ?? '' })),
      hours: v.hours.trim(),
      graceMinutes: v.graceMinutes ?? null,
      lateSharePercent: v.lateSharePercent ?? null,
    };
    setBusy(true);
    setRefusal(null);
    try {
      const saved = lesson ? await training.putLesson(cls.id, lesson.id, body) : await training.addLesson(cls.id, body);
      message.success(t('lessonSaved'));
      onDone(saved);
    } catch (e) {
      setRefusal({ title: e instanceof ApiError ? pick(e.messages) : errorText(e, pick), lines: errorLines(e, pick) });
    } finally {
      setBusy(false);
    }
  };

  const timeRule = {
    validator: async () => {
      const v = form.getFieldsValue(['day', 'start', 'end']) as Pick<Values, 'day' | 'start' | 'end'>;
      const when = times(v);
      if (!when) return;
      const problem = lessonTimeProblem(when.startsAt, when.endsAt, cls.startsOn, cls.endsOn);
      if (problem === 'ends_before_start') throw new Error(t('endsBeforeStart'));
      if (problem === 'outside_class_days') throw new Error(t('outsideClassDays'));
    },
  };

  return (
    <Drawer
      open
      size={640}
      title={lesson ? t('editLesson') : t('newLesson')}
      onClose={() => onDone(null)}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={() => onDone(null)}>{t('cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)} data-testid="lesson-save">{t('save')}</Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          lesson
            ? {
                kind: lesson.kind,
                title: lesson.title,
                day: lesson.day,
                start: toClock(lesson.startsAt),
                end: toClock(lesson.endsAt),
                venueIds: lesson.venueIds,
                speakers: lesson.speakers,
                materials: lesson.materials,
                hours: lesson.hours,
                graceMinutes: lesson.graceMinutes,
                lateSharePercent: lesson.lateSharePercent,
              }
            : { kind: 'lecture', day: day ?? days[0], venueIds: mainVenue ? [mainVenue.id] : [], speakers: [], materials: [], hours: '2', graceMinutes: null, lateSharePercent: null }
        }
      >
        <Space wrap size={16} align="start">
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
            <Select style={{ width: 180 }} options={KINDS.map((k) => ({ value: k, label: tk(k) }))} data-testid="lesson-kind" />
          </Form.Item>
          <Form.Item name="hours" label={t('hours')} rules={[{ validator: async (_, value: string) => { if (!validHoursText(String(value ?? ''))) throw new Error(t('hoursInvalid')); } }]}>
            <Input style={{ width: 120 }} inputMode="decimal" data-testid="lesson-hours" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('lessonTitle')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input placeholder={t('lessonTitlePlaceholder')} data-testid="lesson-title-input" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="day" label={t('day')} rules={[{ required: true, message: t('required') }]}>
            <Select
              style={{ width: 240 }}
              options={[...new Set([...days, ...(lesson ? [lesson.day] : [])])].map((d) => ({ value: d, label: `${dayLabel(d, lang)} · ${d}` }))}
              onChange={() => void form.validateFields(['end']).catch(() => undefined)}
              data-testid="lesson-day"
            />
          </Form.Item>
          <Form.Item name="start" label={t('startTime')} rules={[{ required: true, message: t('required') }]}>
            <TimePicker format={CLOCK} needConfirm={false} placeholder={t('timeFormat')} onChange={() => void form.validateFields(['end']).catch(() => undefined)} data-testid="lesson-start" />
          </Form.Item>
          <Form.Item name="end" label={t('endTime')} dependencies={['start', 'day']} rules={[{ required: true, message: t('required') }, timeRule]}>
            <TimePicker format={CLOCK} needConfirm={false} placeholder={t('timeFormat')} data-testid="lesson-end" />
          </Form.Item>
        </Space>
        <Form.Item name="venueIds" label={t('lessonVenues')} rules={[{ required: true, type: 'array', min: 1, message: t('pickVenues') }]}>
          <Select mode="multiple" placeholder={t('pickVenues')} options={cls.venues.map((v) => ({ value: v.id, label: v.name }))} optionFilterProp="label" data-testid="lesson-venues" />
        </Form.Item>
        <Typography.Text strong>{t('speakers')}</Typography.Text>
        <Form.List name="speakers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
                    <Input placeholder={t('speakerName')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ max: 200 }]}>
                    <Input placeholder={t('speakerTitle')} style={{ width: 300 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('delete')} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', title: '' })}>{t('addSpeaker')}</Button>
              </Form.Item>
            </Flex>
          )}
        </Form.List>
        <Typography.Text strong>{t('materials')}</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
                    <Input placeholder={t('materialTitle')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} rules={[{ max: 500 }]}>
                    <Input placeholder={t('materialNote')} style={{ width: 240 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('delete')} />
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', note: '' })}>{t('addMaterial')}</Button>
              </Form.Item>
            </Flex>
          )}
        </Form.List>
        <Typography.Text strong>{t('overrides')}</Typography.Text>
        <Space wrap size={16} align="start" style={{ marginTop: 8 }}>
          <Form.Item name="graceMinutes" label={t('graceMinutes')}>
            <InputNumber min={0} max={240} precision={0} style={{ width: 200 }} placeholder={t('classDefault', { value: cls.graceMinutes })} />
          </Form.Item>
          <Form.Item name="lateSharePercent" label={t('lateShare')}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 200 }} placeholder={t('classDefault', { value: `${cls.lateSharePercent}%` })} />
          </Form.Item>
        </Space>
        {refusal && (
          <Alert
            type="error"
            showIcon
            title={refusal.title}
            description={refusal.lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.lines.map((l) => <li key={l}>{l}</li>)}</ul>}
            data-testid="lesson-error"
          />
        )}
      </Form>
    </Drawer>
  );
}
