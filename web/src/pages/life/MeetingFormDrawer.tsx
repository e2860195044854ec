/**
 * 安排会议 / 编辑会议: org, type, day and time, venue or place, topic, lecturer or host (a person of
 * the org), audience. The field names are the API's, so a 400 lands on the field it names.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { blankToNull, showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { optionsOf } from './labels.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { audiences, type Meeting, type MeetingDetail, meetingTypes, type Venue } from './types.ts';

type Values = {
  orgId: string;
  type: string;
  heldOn: Dayjs;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  title: string;
  lecturerId?: string | null;
  venueId?: string | null;
  place?: string;
  audience?: string | null;
};

const clock = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);
const fromClock = (s: string | null | undefined) => (s ? dayjs(`2000-01-01T${s}`) : null);

export function MeetingFormDrawer({
  open,
  meeting,
  defaults,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The meeting to edit; without it a new one is scheduled. */
  meeting?: Meeting;
  defaults?: { orgId?: string; heldOn?: string };
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const orgId = Form.useWatch('orgId', form) ?? meeting?.orgId;
  const type = Form.useWatch('type', form);

  const venues = useQuery({
    queryKey: ['venues', orgId],
    queryFn: () => api.get<{ items: Venue[] }>('/venues', { orgId }),
    enabled: !!orgId,
  });

  const [venueName, setVenueName] = useState('');
  const addVenue = async () => {
    try {
      const venue = await api.post<Venue>('/venues', { orgId, name: venueName.trim() });
      await venues.refetch();
      form.setFieldValue('venueId', venue.id);
      setVenueName('');
    } catch (e) {
      showApiError(e, message);
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const fields = {
        ...blankToNull({ title: v.title, place: v.place ?? '' }),
        type: v.type,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        startTime: clock(v.startTime),
        endTime: clock(v.endTime),
        lecturerId: v.lecturerId ?? null,
        venueId: v.venueId ?? null,
        audience: v.audience ?? null,
      };
      const saved = meeting
        ? await api.patch<MeetingDetail>(`/meetings/${meeting.id}`, { ...fields, version: meeting.version })
        : await api.post<MeetingDetail>('/meetings', { ...fields, orgId: v.orgId });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      message.success(meeting ? t('common.saved') : t('meeting.created'));
      onSaved(saved.meeting.id);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={meeting ? t('meeting.edit') : t('meeting.new')}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={
          meeting
            ? {
                orgId: meeting.orgId,
                type: meeting.type,
                heldOn: dayjs(meeting.heldOn),
                startTime: fromClock(meeting.startTime),
                endTime: fromClock(meeting.endTime),
                title: meeting.title,
                lecturerId: meeting.lecturerId,
                venueId: meeting.venueId,
                place: meeting.place ?? undefined,
                audience: meeting.audience,
              }
            : {
                orgId: defaults?.orgId,
                heldOn: defaults?.heldOn ? dayjs(defaults.heldOn) : dayjs(),
                type: 'generalAssembly',
              }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            {meeting ? (
              <Form.Item label={t('meeting.org')}>
                <Input value={meeting.orgName} disabled />
              </Form.Item>
            ) : (
              <Form.Item label={t('meeting.org')} name="orgId" rules={[{ required: true }]}>
                <OrgPicker
                  aria-label={t('meeting.org')}
                  withinRoots={abilities.roles.includes('platformAdmin') ? undefined : abilities.writeRoots}
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('meeting.type')} name="type" rules={[{ required: true }]}>
              <Select options={optionsOf(t, 'meetingType', meetingTypes)} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('meeting.title')} name="title" rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label={t('meeting.heldOn')} name="heldOn" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item label={t('meeting.startTime')} name="startTime">
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={7}>
            <Form.Item label={t('meeting.endTime')} name="endTime">
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('meeting.venue')} name="venueId">
              <Select
                allowClear
                loading={venues.isLoading}
                options={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
                popupRender={(menu) => (
                  <>
                    {menu}
                    {orgId && (
                      <Space.Compact style={{ width: '100%', padding: 8 }}>
                        <Input
                          aria-label={t('meeting.newVenue')}
                          placeholder={t('meeting.newVenue')}
                          value={venueName}
                          onChange={(e) => setVenueName(e.target.value)}
                          onKeyDown={(e) => e.stopPropagation()}
                        />
                        <Button icon={<PlusOutlined />} disabled={!venueName.trim()} onClick={addVenue}>
                          {t('lm.add')}
                        </Button>
                      </Space.Compact>
                    )}
                  </>
                )}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('meeting.place')} name="place">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={type === 'partyLecture' ? t('meeting.lecturerOfLecture') : t('meeting.host')}
              name="lecturerId"
            >
              <MemberPicker
                orgId={orgId}
                known={meeting?.lecturerId ? { id: meeting.lecturerId, name: meeting.lecturerName ?? '' } : undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('meeting.audience')} name="audience">
              <Select allowClear options={optionsOf(t, 'audience', audiences)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
