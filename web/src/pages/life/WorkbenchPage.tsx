/**
 * 工作台: the secretary's to-dos over the branches they run (meetings due this period, make-ups
 * open, reports unread, planned meetings overdue) and the meetings coming up in the next weeks.
 */
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { ComplianceTodosCard } from '../../compliance/TodosCard.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai } from './hooks.ts';
import { ItemList } from './ItemList.tsx';
import { MeetingStatusTag, MeetingTypeTag, timeRange } from './labels.tsx';
import type { MeetingListItem } from './types.ts';
import './life.css';

export type Todo = {
  kind: 'meetingDue' | 'makeupsOpen' | 'reportsUnread' | 'plannedOverdue';
  orgId: string;
  orgName: string;
  branchId: string;
  branchName: string;
  meetingType: string | null;
  title: string;
  counts: Record<string, number>;
  dueOn: string;
  link: string;
};

const kindColor: Record<Todo['kind'], string> = {
  plannedOverdue: 'red',
  makeupsOpen: 'orange',
  meetingDue: 'gold',
  reportsUnread: 'blue',
};

/** Days ahead shown under 近期会议. */
const UPCOMING_DAYS = 21;

export default function WorkbenchPage() {
  const { t } = useI18n();
  const today = todayInShanghai();
  const todos = useQuery({
    queryKey: ['life', 'todos'],
    queryFn: () => api.get<{ today: string; items: Todo[] }>('/life/todos'),
  });
  const to = dayjs(today).add(UPCOMING_DAYS, 'day').format('YYYY-MM-DD');
  const upcoming = useQuery({
    queryKey: ['meetings', { from: today, to, upcoming: true }],
    queryFn: () => api.get<{ items: MeetingListItem[] }>('/meetings', { from: today, to }),
  });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <Space>
              {t('todo.title')}
              {todos.data && <Badge count={todos.data.items.length} showZero color="#c62828" />}
            </Space>
          }
        >
          <QueryState query={todos}>
            {() => (
              <ItemList<Todo>
                data-testid="todo-list"
                items={todos.data?.items ?? []}
                rowKey={(i) => `${i.kind}/${i.orgId}/${i.meetingType ?? ''}`}
                empty={t('todo.none')}
                title={(item) => (
                  <Space wrap size={4}>
                    <Tag color={kindColor[item.kind]}>{t.label('todo.kind', item.kind)}</Tag>
                    <Link to={item.link}>{item.title}</Link>
                  </Space>
                )}
                description={(item) => (
                  <Typography.Text type={item.dueOn < today ? 'danger' : 'secondary'}>
                    {t('todo.dueOn', { date: item.dueOn })}
                    {item.branchName !== item.orgName ? ` · ${item.branchName}` : ''}
                  </Typography.Text>
                )}
              />
            )}
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('todo.upcoming')}>
          <QueryState query={upcoming}>
            {() => (
              <ItemList<MeetingListItem>
                data-testid="upcoming-list"
                items={[...(upcoming.data?.items ?? [])].sort(
                  (a, b) => a.heldOn.localeCompare(b.heldOn) || (a.startTime ?? '').localeCompare(b.startTime ?? ''),
                )}
                rowKey={(m) => m.id}
                empty={t('todo.noUpcoming')}
                title={(m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>}
                description={(m) => (
                  <Space wrap size={4}>
                    <span>
                      {m.heldOn} {timeRange(m.startTime, m.endTime)}
                    </span>
                    <MeetingTypeTag t={t} type={m.type} />
                    <MeetingStatusTag t={t} status={m.status} />
                    <span>{m.orgName}</span>
                  </Space>
                )}
              />
            )}
          </QueryState>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <ComplianceTodosCard />
      </Col>
    </Row>
  );
}
