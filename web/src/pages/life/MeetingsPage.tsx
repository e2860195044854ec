/**
 * 会议日历: the meetings of an org subtree in one month, as a month grid or a list. The org, month,
 * type, status and view live in the address, so a to-do's link or a reload keeps them; the org
 * tree on the left narrows the org.
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Calendar,
  Card,
  Col,
  DatePicker,
  Grid,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tooltip,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { MeetingStatusTag, MeetingTypeTag, optionsOf, percent, timeRange, typeColor } from './labels.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { type MeetingListItem, meetingStatuses, meetingTypes } from './types.ts';
import './life.css';

type View = 'month' | 'list';

export default function MeetingsPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState<string | null>(null);

  const orgId = params.get('orgId') ?? undefined;
  const type = params.get('type') ?? undefined;
  const status = params.get('status') ?? undefined;
  const month = params.get('month') && dayjs(`${params.get('month')}-01`).isValid() ? params.get('month')! : null;
  const current = month ? dayjs(`${month}-01`) : dayjs().startOf('month');
  // A phone has no room for a seven-column grid; the list is its default.
  // A status filter without a month (a to-do's "planned meetings overdue") looks across all dates.
  const allDates = !month && !!status;
  const view: View = allDates
    ? 'list'
    : ((params.get('view') as View | null) ?? (screens.md === false ? 'list' : 'month'));

  const from = allDates ? undefined : current.startOf('month').format('YYYY-MM-DD');
  const to = allDates ? undefined : current.endOf('month').format('YYYY-MM-DD');
  const list = useQuery({
    queryKey: ['meetings', { orgId, type, status, from, to }],
    queryFn: () => api.get<{ items: MeetingListItem[] }>('/meetings', { orgId, type, status, from, to }),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const byDay = useMemo(() => {
    const map = new Map<string, MeetingListItem[]>();
    for (const m of list.data?.items ?? []) map.set(m.heldOn, [...(map.get(m.heldOn) ?? []), m]);
    for (const items of map.values()) items.sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
    return map;
  }, [list.data]);

  const sorted = useMemo(
    () =>
      [...(list.data?.items ?? [])].sort(
        (a, b) => a.heldOn.localeCompare(b.heldOn) || (a.startTime ?? '').localeCompare(b.startTime ?? ''),
      ),
    [list.data],
  );

  const cell = (date: Dayjs) => {
    const items = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (!items.length) return null;
    const shown = items.slice(0, 3);
    return (
      <ul className="zb-cal-items">
        {shown.map((m) => (
          <li key={m.id}>
            <Tooltip title={`${t.label('meetingType', m.type)} · ${m.orgName} · ${t.label('meetingStatus', m.status)}`}>
              <Link to={`/meetings/${m.id}`} onClick={(e) => e.stopPropagation()}>
                <Badge color={typeColor[m.type]} />
                <span className={m.status === 'planned' || m.status === 'notified' ? 'zb-cal-planned' : undefined}>
                  {m.startTime ? `${m.startTime} ` : ''}
                  {m.title}
                </span>
              </Link>
            </Tooltip>
          </li>
        ))}
        {items.length > shown.length && <li className="zb-cal-more">{t('meeting.more', { n: items.length - 3 })}</li>}
      </ul>
    );
  };

  const columns: ColumnsType<MeetingListItem> = [
    {
      title: t('meeting.heldOn'),
      key: 'heldOn',
      width: 110,
      render: (_, m) => (
        <span>
          {m.heldOn}
          <br />
          <span style={{ color: '#888' }}>{timeRange(m.startTime, m.endTime)}</span>
        </span>
      ),
    },
    {
      title: t('meeting.title'),
      key: 'title',
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/meetings/${m.id}`}>{m.title}</Link>
          <span>
            <MeetingTypeTag t={t} type={m.type} />
            <span style={{ color: '#888' }}>{m.orgName}</span>
          </span>
        </Space>
      ),
    },
    {
      title: t('meeting.lecturer'),
      dataIndex: 'lecturerName',
      width: 120,
      responsive: ['md'],
      render: (v) => v ?? '—',
    },
    {
      title: t('meeting.place'),
      key: 'place',
      width: 160,
      responsive: ['lg'],
      render: (_, m) => m.venueName ?? m.place ?? '—',
    },
    {
      title: t('meeting.status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <MeetingStatusTag t={t} status={s} />,
    },
    {
      title: t('meeting.attendanceRate'),
      key: 'rate',
      width: 100,
      responsive: ['sm'],
      render: (_, m) =>
        m.status === 'held' || m.status === 'recorded'
          ? `${percent(m.counts.attendanceRate)} (${m.counts.present + m.counts.late}/${m.counts.expected})`
          : '—',
    },
  ];

  return (
    <Card
      title={t('meeting.calendar')}
      extra={
        abilities.writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(dayjs().format('YYYY-MM-DD'))}>
            {t('meeting.new')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} xl={7}>
          <OrgPicker
            aria-label={t('meeting.filterOrg')}
            placeholder={t('meeting.filterOrg')}
            value={orgId}
            onChange={(v) => set({ orgId: v })}
            allowClear
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select
            aria-label={t('meeting.filterType')}
            placeholder={t('meeting.filterType')}
            allowClear
            value={type}
            onChange={(v) => set({ type: v })}
            options={optionsOf(t, 'meetingType', meetingTypes)}
            style={{ width: '100%' }}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('meeting.filterStatus')}
            placeholder={t('meeting.filterStatus')}
            allowClear
            value={status}
            onChange={(v) => set({ status: v })}
            options={optionsOf(t, 'meetingStatus', meetingStatuses)}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={14} md={8} xl={5}>
          <DatePicker
            picker="month"
            aria-label={t('meeting.month')}
            value={allDates ? null : current}
            allowClear={false}
            onChange={(d) => set({ month: d ? d.format('YYYY-MM') : null })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={10} md={6} xl={5}>
          <Segmented<View>
            value={view}
            onChange={(v) => set({ view: v, month: allDates ? current.format('YYYY-MM') : month })}
            options={[
              { value: 'month', label: t('meeting.month') },
              { value: 'list', label: t('meeting.list') },
            ]}
          />
        </Col>
      </Row>
      <QueryState query={list}>
        {() =>
          view === 'month' ? (
            <Calendar
              className="zb-calendar"
              value={dayjs().isSame(current, 'month') ? dayjs() : current}
              headerRender={() => null}
              onPanelChange={(d) => set({ month: d.format('YYYY-MM') })}
              onSelect={(d, info) => {
                if (info.source !== 'date') return;
                if (!d.isSame(current, 'month')) set({ month: d.format('YYYY-MM') });
                else if (abilities.writes && !byDay.get(d.format('YYYY-MM-DD'))?.length)
                  setCreating(d.format('YYYY-MM-DD'));
              }}
              cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
            />
          ) : (
            <Table<MeetingListItem>
              data-testid="meeting-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={sorted}
              pagination={false}
              locale={{ emptyText: t('meeting.none') }}
              onRow={(m) => ({ onDoubleClick: () => navigate(`/meetings/${m.id}`) })}
            />
          )
        }
      </QueryState>
      {creating && (
        <MeetingFormDrawer
          open
          defaults={{ orgId, heldOn: creating }}
          onClose={() => setCreating(null)}
          onSaved={(id) => navigate(`/meetings/${id}`)}
        />
      )}
    </Card>
  );
}
