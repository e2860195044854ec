/**
 * One development case: who, where, the stage, what is due next, the engine's open findings, and
 * every recorded step on a timeline with its date, fields, documents and who recorded it. Laid out
 * for a phone too — the secretary records the vote at the meeting-room door.
 */
import { DeleteOutlined, EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Popconfirm,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type DevCase, type DevDue, type DevEventItem, deleteStep, useCase } from './api.ts';
import { stageColor, stageName, stepName, suggestedStep, superiorSteps } from './names.ts';
import { StepDrawer } from './StepDrawer.tsx';

const dueColor: Record<DevDue['state'], string> = { upcoming: 'blue', warning: 'orange', overdue: 'red' };

function EventDetails({ event, devCase }: { event: DevEventItem; devCase: DevCase }) {
  const { t } = useI18n();
  const names = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => devCase.people.find((p) => p.id === id)?.name ?? id).join('、');
  const d = event.data;
  const vote = d.vote;
  return (
    <div style={{ fontSize: 13 }}>
      {d.by?.length ? <div>{`${t('dev.talkBy')}：${names(d.by)}`}</div> : null}
      {d.mentors?.length ? <div>{`${t('dev.mentors')}：${names(d.mentors)}`}</div> : null}
      {d.sponsors?.length ? <div>{`${t('dev.sponsors')}：${names(d.sponsors)}`}</div> : null}
      {d.hours !== undefined && <div>{`${t('dev.hours')}：${d.hours}`}</div>}
      {d.until && <div>{`${t('dev.until')}：${d.until}`}</div>}
      {d.result && <div>{`${t('dev.result')}：${t.label('devResult', d.result)}`}</div>}
      {d.months !== undefined && <div>{`${t('dev.months')}：${d.months}`}</div>}
      {vote && (
        <div data-testid="event-vote">
          {(['expected', 'present', 'yes', 'no', 'abstain'] as const)
            .map((k) => `${t(`dev.${k}`)} ${vote[k]}`)
            .join(' · ')}
        </div>
      )}
      {event.documents.length > 0 && (
        <div>
          <FileTextOutlined /> {event.documents.map((x) => x.name).join('、')}
        </div>
      )}
      {event.note && <Typography.Text type="secondary">{event.note}</Typography.Text>}
      <div>
        <Typography.Text type="secondary">{`${t('dev.recordedBy')}：${event.recordedByName}`}</Typography.Text>
      </div>
    </div>
  );
}

function CaseView({ devCase }: { devCase: DevCase }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [drawer, setDrawer] = useState<{ editing: DevEventItem | null } | null>(null);
  const mayEdit = (e: DevEventItem) => (superiorSteps.includes(e.step) ? devCase.may.approve : devCase.may.record);
  const next = suggestedStep(devCase.events);
  const suggested =
    next && (superiorSteps.includes(next) ? devCase.may.approve : devCase.may.record) ? next : undefined;

  const remove = async (e: DevEventItem) => {
    try {
      await deleteStep(e.id, e.version);
      message.success(t('dev.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['development'] });
    } catch (err) {
      showApiError(err, message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span>{`${devCase.person.name}（${devCase.person.code}）`}</span>
            <Tag color={stageColor[devCase.stage]} data-testid="case-stage">
              {stageName(devCase.stage, locale)}
            </Tag>
          </Space>
        }
        extra={
          (devCase.may.record || devCase.may.approve) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              aria-label={t('dev.recordStep')}
              onClick={() => setDrawer({ editing: null })}
            >
              <span className="zb-hide-mobile">{t('dev.recordStep')}</span>
            </Button>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('dev.branch')}>
            <Link to={`/development/cases?orgId=${devCase.org.id}`}>{devCase.org.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('dev.applicationOn')}>{devCase.appliedOn ?? '—'}</Descriptions.Item>
          {devCase.person.unit && <Descriptions.Item label={t('member.unit')}>{devCase.person.unit}</Descriptions.Item>}
        </Descriptions>
      </Card>

      {devCase.findings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="case-findings"
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {devCase.findings.map((f) => (
                <li key={f.id}>
                  <Tag color={f.severity === 'warning' ? 'orange' : 'red'}>{f.rule}</Tag>
                  {f.message}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <Card title={t('dev.dueNext')} size="small">
        {devCase.nextDue.length === 0 ? (
          <Typography.Text type="secondary">{t('dev.nothingDue')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={devCase.nextDue}
            renderItem={(d) => (
              <List.Item>
                <Space wrap>
                  <span>{locale === 'zh-CN' ? d.label.zh : d.label.en}</span>
                  <Tag color={dueColor[d.state]}>
                    {d.state === 'overdue' ? t('dev.late') : d.state === 'warning' ? t('dev.dueSoon') : t('dev.due')}{' '}
                    {d.due}
                  </Tag>
                  <Typography.Text type="secondary">{d.rule}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card title={t('dev.timeline')} size="small">
        {devCase.events.length === 0 ? (
          <Empty description={t('dev.noEvents')} />
        ) : (
          <Timeline
            data-testid="case-timeline"
            items={devCase.events.map((e) => ({
              key: e.id,
              color: superiorSteps.includes(e.step) ? 'red' : '#1677ff',
              content: (
                <div>
                  <Space wrap size={4}>
                    <Typography.Text type="secondary">{e.on}</Typography.Text>
                    <strong>{stepName(e.step, locale)}</strong>
                    {mayEdit(e) && (
                      <>
                        <Button
                          size="small"
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('dev.correct')}
                          onClick={() => setDrawer({ editing: e })}
                        />
                        <Popconfirm title={t('dev.deleteConfirm')} onConfirm={() => remove(e)}>
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('dev.delete')}
                          />
                        </Popconfirm>
                      </>
                    )}
                  </Space>
                  <EventDetails event={e} devCase={devCase} />
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <StepDrawer
        open={drawer !== null}
        onClose={() => setDrawer(null)}
        devCase={devCase}
        editing={drawer?.editing ?? null}
        suggested={suggested}
      />
    </Space>
  );
}

export default function CasePage() {
  const { id } = useParams();
  const query = useCase(id);
  return <QueryState query={query}>{() => query.data && <CaseView devCase={query.data} />}</QueryState>;
}
