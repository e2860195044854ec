/**
 * 评选表彰: nominations of a round (outstanding members, Party-affairs workers, advanced
 * organizations) through review, publicity and decision, with the rounds held and when the next
 * is due (ASSESS-08). Orgs nominate; the organization department takes the other steps.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { type Award, awardKinds, awardStatuses, type Rounds } from './api.ts';
import { StepDialog, type StepField } from './StepDialog.tsx';

type Step = 'nominate' | 'review' | 'publicize' | 'decide' | 'reject';
const statusColor: Record<string, string> = {
  nominated: 'blue',
  reviewed: 'cyan',
  publicized: 'gold',
  decided: 'green',
  rejected: 'default',
};

export default function AwardsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const kind = params.get('kind') ?? undefined;
  const status = params.get('status') ?? undefined;
  const [dialog, setDialog] = useState<{ step: Step; award?: Award } | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const awards = useQuery({
    queryKey: ['awards', { year, kind, status }],
    queryFn: () => api.get<{ items: Award[] }>('/awards', { year, kind, status }),
    placeholderData: keepPreviousData,
  });
  const rounds = useQuery({ queryKey: ['awards', 'rounds'], queryFn: () => api.get<Rounds>('/awards/rounds') });
  const orgDepartment = abilities.roles.includes('orgDepartmentAdmin') || abilities.roles.includes('platformAdmin');
  const opts = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t.label(group, v) }));

  const fields: Record<Step, StepField[]> = {
    nominate: [
      { name: 'roundYear', label: t('awards.round'), type: 'year', required: true },
      { name: 'kind', label: t('exc.kind'), type: 'select', required: true, options: opts('awardKind', awardKinds) },
      { name: 'nominatingOrgId', label: t('awards.nominator'), type: 'org', required: true },
      {
        name: 'personId',
        label: t('awards.person'),
        type: 'person',
        orgField: 'nominatingOrgId',
        required: true,
        visible: (v) => v.kind !== 'advancedOrg',
      },
      { name: 'orgId', label: t('exc.org'), type: 'org', required: true, visible: (v) => v.kind === 'advancedOrg' },
      { name: 'nominatedOn', label: t('awards.nominatedOn'), type: 'date', required: true },
      { name: 'reason', label: t('awards.merits'), type: 'textarea', required: true },
    ],
    review: [
      { name: 'reviewedOn', label: t('awards.reviewedOn'), type: 'date', required: true },
      { name: 'passed', label: t('awards.passed'), type: 'switch' },
      { name: 'note', label: t('exc.reason'), type: 'textarea' },
    ],
    publicize: [{ name: 'publicity', label: t('awards.publicity'), type: 'range', required: true }],
    decide: [
      { name: 'decidedOn', label: t('awards.decidedOn'), type: 'date', required: true },
      { name: 'decisionDocument', label: t('awards.document'), type: 'text', required: true },
    ],
    reject: [
      { name: 'decidedOn', label: t('awards.decidedOn'), type: 'date', required: true },
      { name: 'note', label: t('exc.reason'), type: 'textarea', required: true },
    ],
  };
  const titles: Record<Step, string> = {
    nominate: t('awards.nominate'),
    review: t('awards.review'),
    publicize: t('awards.publicize'),
    decide: t('awards.decide'),
    reject: t('awards.reject'),
  };
  const submit = async (values: Record<string, unknown>) => {
    if (!dialog) return;
    if (dialog.step === 'nominate') await api.post('/awards', values);
    else
      await api.post(`/awards/${dialog.award?.id}/${dialog.step}`, {
        ...values,
        ...(dialog.step === 'review' ? { passed: values.passed === true } : {}),
        version: dialog.award?.version,
      });
    await queryClient.invalidateQueries({ queryKey: ['awards'] });
  };
  const stepsOf = (a: Award): Step[] => {
    if (!orgDepartment) return [];
    if (a.status === 'nominated') return ['review', 'reject'];
    if (a.status === 'reviewed') return ['publicize', 'reject'];
    if (a.status === 'publicized') return ['decide', 'reject'];
    return [];
  };
  const r = rounds.data;
  const thisRound = r?.rounds.find((x) => x.roundYear === year);

  return (
    <Card
      title={t('awards.title')}
      extra={
        <Space>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ step: 'nominate' })}>
              {t('awards.nominate')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/awards/export.xlsx', { year, kind, status }, `评选表彰-${year}.xlsx`).catch((e) =>
                message.error(e.message),
              )
            }
          >
            {t('exc.export')}
          </Button>
        </Space>
      }
    >
      {r && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('awards.lastRound')}>{r.lastRoundYear ?? t('awards.none')}</Descriptions.Item>
          <Descriptions.Item label={t('awards.nextDue')}>
            <Tag color={r.nextDueYear <= thisYear() ? 'red' : 'green'}>{r.nextDueYear}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('awards.rounds')}>
            {t('awards.every', { n: r.everyYears, days: r.publicityWorkdays })}
          </Descriptions.Item>
          {thisRound && (
            <Descriptions.Item label={String(year)}>
              {t('awards.counts', {
                total:
                  thisRound.nominated +
                  thisRound.reviewed +
                  thisRound.publicized +
                  thisRound.decided +
                  thisRound.rejected,
                decided: thisRound.decided,
                rejected: thisRound.rejected,
              })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Space wrap>
        <Form.Item label={t('awards.round')} style={{ marginBottom: 8 }}>
          <InputNumber
            aria-label={t('awards.round')}
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && set('year', String(v))}
          />
        </Form.Item>
        <Form.Item label={t('exc.kind')} style={{ marginBottom: 8 }}>
          <Select
            aria-label={t('exc.kind')}
            allowClear
            placeholder={t('exc.all')}
            style={{ width: 180 }}
            value={kind}
            onChange={(v) => set('kind', v)}
            options={opts('awardKind', awardKinds)}
          />
        </Form.Item>
        <Form.Item label={t('exc.status')} style={{ marginBottom: 8 }}>
          <Select
            aria-label={t('exc.status')}
            allowClear
            placeholder={t('exc.all')}
            style={{ width: 120 }}
            value={status}
            onChange={(v) => set('status', v)}
            options={opts('awardStatus', awardStatuses)}
          />
        </Form.Item>
      </Space>
      <QueryState query={awards}>
        {() => (
          <Table<Award>
            rowKey="id"
            size="small"
            dataSource={awards.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1200 }}
            columns={[
              { title: t('exc.kind'), key: 'kind', render: (_, a) => t.label('awardKind', a.kind) },
              { title: t('awards.who'), key: 'who', render: (_, a) => a.personName ?? a.orgName },
              { title: t('awards.nominator'), dataIndex: 'nominatingOrgName', key: 'nominator' },
              { title: t('awards.nominatedOn'), dataIndex: 'nominatedOn', key: 'nominatedOn' },
              { title: t('awards.merits'), dataIndex: 'reason', key: 'reason', ellipsis: true },
              {
                title: t('exc.status'),
                key: 'status',
                render: (_, a) => <Tag color={statusColor[a.status]}>{t.label('awardStatus', a.status)}</Tag>,
              },
              {
                title: t('awards.publicity'),
                key: 'publicity',
                render: (_, a) => (a.publicityFrom ? `${a.publicityFrom} ~ ${a.publicityUntil}` : '—'),
              },
              {
                title: t('awards.document'),
                key: 'document',
                render: (_, a) =>
                  a.decisionDocument ? `${a.decisionDocument}（${a.decidedOn}）` : (a.reviewNote ?? '—'),
              },
              {
                title: t('exc.actions'),
                key: 'actions',
                render: (_, a) => (
                  <Space size="small" wrap>
                    {stepsOf(a).map((s) => (
                      <Button key={s} size="small" onClick={() => setDialog({ step: s, award: a })}>
                        {titles[s]}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {dialog && (
        <StepDialog
          open
          title={
            dialog.award
              ? `${dialog.award.personName ?? dialog.award.orgName} · ${titles[dialog.step]}`
              : titles[dialog.step]
          }
          fields={fields[dialog.step]}
          initialValues={
            dialog.step === 'nominate'
              ? { roundYear: year, kind: 'outstandingMember' }
              : dialog.step === 'review'
                ? { passed: true }
                : undefined
          }
          onClose={() => setDialog(null)}
          onSubmit={submit}
        />
      )}
    </Card>
  );
}
