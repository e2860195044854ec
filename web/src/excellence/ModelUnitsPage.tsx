/**
 * 样板创建: model branches, benchmark colleges and dual-leader studios of a plan year, with the
 * ASSESS-07 gauge (school-level model branches against the year's share of all branches). The
 * college applies; the organization department takes each step in order.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { formatShare, type ModelUnit, type Quota, unitKinds, unitLevels, unitStatuses } from './api.ts';
import { StepDialog, type StepField } from './StepDialog.tsx';

type Step = 'apply' | 'cultivate' | 'midterm' | 'accept' | 'reject' | 'revoke';
const statusColor: Record<string, string> = {
  applied: 'blue',
  cultivating: 'gold',
  accepted: 'green',
  rejected: 'default',
  revoked: 'red',
};

export default function ModelUnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const kind = params.get('kind') ?? undefined;
  const level = params.get('level') ?? undefined;
  const status = params.get('status') ?? undefined;
  const [dialog, setDialog] = useState<{ step: Step; unit?: ModelUnit } | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const units = useQuery({
    queryKey: ['model-units', { year, kind, level, status }],
    queryFn: () => api.get<{ items: ModelUnit[] }>('/model-units', { year, kind, level, status }),
    placeholderData: keepPreviousData,
  });
  const quota = useQuery({
    queryKey: ['model-units', 'quota', year],
    queryFn: () => api.get<Quota>('/model-units/quota', { year }),
    enabled: abilities.browses,
  });
  const orgDepartment = abilities.roles.includes('orgDepartmentAdmin') || abilities.roles.includes('platformAdmin');
  const applies = orgDepartment || abilities.roles.includes('collegeAdmin');
  const opts = (group: string, values: readonly string[]) =>
    values.map((v) => ({ value: v, label: t.label(group, v) }));

  const fields: Record<Step, StepField[]> = {
    apply: [
      { name: 'kind', label: t('exc.kind'), type: 'select', required: true, options: opts('unitKind', unitKinds) },
      { name: 'orgId', label: t('exc.org'), type: 'org', required: true },
      {
        name: 'leaderId',
        label: t('exc.leader'),
        type: 'person',
        orgField: 'orgId',
        required: true,
        visible: (v) => v.kind === 'dualLeaderStudio',
      },
      { name: 'level', label: t('exc.level'), type: 'select', options: opts('unitLevel', unitLevels) },
      { name: 'planYear', label: t('exc.planYear'), type: 'year', required: true },
      { name: 'appliedOn', label: t('units.appliedOn'), type: 'date', required: true },
      { name: 'note', label: t('exc.note'), type: 'textarea' },
    ],
    cultivate: [
      { name: 'cultivationFrom', label: t('units.cultivationFrom'), type: 'date', required: true },
      { name: 'note', label: t('exc.note'), type: 'textarea' },
    ],
    midterm: [
      { name: 'midtermOn', label: t('units.midtermOn'), type: 'date', required: true },
      {
        name: 'result',
        label: t('units.midtermResult'),
        type: 'select',
        required: true,
        options: opts('midterm', ['passed', 'failed']),
      },
      { name: 'note', label: t('exc.reason'), type: 'textarea', required: true },
    ],
    accept: [
      { name: 'acceptedOn', label: t('units.acceptedOn'), type: 'date', required: true },
      { name: 'level', label: t('exc.level'), type: 'select', required: true, options: opts('unitLevel', unitLevels) },
      { name: 'note', label: t('exc.note'), type: 'textarea' },
    ],
    reject: [
      { name: 'decidedOn', label: t('units.decidedOn'), type: 'date', required: true },
      { name: 'note', label: t('exc.reason'), type: 'textarea', required: true },
    ],
    revoke: [
      { name: 'decidedOn', label: t('units.decidedOn'), type: 'date', required: true },
      { name: 'note', label: t('exc.reason'), type: 'textarea', required: true },
    ],
  };
  const titles: Record<Step, string> = {
    apply: t('units.apply'),
    cultivate: t('units.cultivate'),
    midterm: t('units.midterm'),
    accept: t('units.accept'),
    reject: t('units.reject'),
    revoke: t('units.revoke'),
  };
  const submit = async (values: Record<string, unknown>) => {
    if (!dialog) return;
    if (dialog.step === 'apply') await api.post('/model-units', values);
    else await api.post(`/model-units/${dialog.unit?.id}/${dialog.step}`, { ...values, version: dialog.unit?.version });
    await queryClient.invalidateQueries({ queryKey: ['model-units'] });
  };
  const stepButton = (step: Step, unit: ModelUnit) => (
    <Button key={step} size="small" onClick={() => setDialog({ step, unit })}>
      {titles[step]}
    </Button>
  );
  const stepsOf = (u: ModelUnit): Step[] => {
    if (!orgDepartment) return [];
    if (u.status === 'applied') return ['cultivate', 'reject'];
    if (u.status === 'cultivating') return u.midtermResult === 'passed' ? ['accept', 'reject'] : ['midterm', 'reject'];
    if (u.status === 'accepted') return ['revoke'];
    return [];
  };

  const q = quota.data;
  const percent = q && q.required > 0 ? Math.min(100, Math.round((q.modelBranches / q.required) * 100)) : 100;

  return (
    <Card
      title={t('units.title')}
      extra={
        <Space>
          {applies && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ step: 'apply' })}>
              {t('units.apply')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/model-units/export.xlsx', { year, kind, level, status }, `样板创建-${year}.xlsx`).catch((e) =>
                message.error(e.message),
              )
            }
          >
            {t('exc.export')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16} align="middle">
        <Col xs={24} md={6}>
          {q && (
            <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="quota-gauge">
              <Progress
                type="dashboard"
                percent={percent}
                status={q.met ? 'success' : 'exception'}
                format={() => `${q.modelBranches}/${q.required}`}
              />
              <Typography.Text strong>{t('units.quota', { year })}</Typography.Text>
            </Space>
          )}
        </Col>
        <Col xs={24} md={18}>
          {q && (
            <Typography.Paragraph type={q.met ? 'secondary' : 'danger'}>
              {q.share === null
                ? t('units.quotaNone', { year })
                : t('units.quotaDetail', {
                    models: q.modelBranches,
                    branches: q.branches,
                    share: formatShare(q.share),
                    required: q.required,
                    countedOn: q.countedOn,
                  })}
              {!q.adopted && <Typography.Text type="secondary"> {t('units.quotaNotAdopted')}</Typography.Text>}
            </Typography.Paragraph>
          )}
          <Space wrap>
            <Form.Item label={t('exc.planYear')} style={{ marginBottom: 8 }}>
              <InputNumber
                aria-label={t('exc.planYear')}
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
                style={{ width: 160 }}
                value={kind}
                onChange={(v) => set('kind', v)}
                options={opts('unitKind', unitKinds)}
              />
            </Form.Item>
            <Form.Item label={t('exc.level')} style={{ marginBottom: 8 }}>
              <Select
                aria-label={t('exc.level')}
                allowClear
                placeholder={t('exc.all')}
                style={{ width: 110 }}
                value={level}
                onChange={(v) => set('level', v)}
                options={opts('unitLevel', unitLevels)}
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
                options={opts('unitStatus', unitStatuses)}
              />
            </Form.Item>
          </Space>
        </Col>
      </Row>
      <QueryState query={units}>
        {() => (
          <Table<ModelUnit>
            rowKey="id"
            size="small"
            dataSource={units.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('exc.kind'), key: 'kind', render: (_, u) => t.label('unitKind', u.kind) },
              { title: t('exc.org'), dataIndex: 'orgName', key: 'org' },
              { title: t('exc.college'), dataIndex: 'collegeName', key: 'college' },
              { title: t('exc.leader'), key: 'leader', render: (_, u) => u.leaderName ?? '—' },
              { title: t('exc.level'), key: 'level', render: (_, u) => t.label('unitLevel', u.level) },
              {
                title: t('exc.status'),
                key: 'status',
                render: (_, u) => <Tag color={statusColor[u.status]}>{t.label('unitStatus', u.status)}</Tag>,
              },
              { title: t('units.appliedOn'), dataIndex: 'appliedOn', key: 'appliedOn' },
              {
                title: t('units.midterm'),
                key: 'midterm',
                render: (_, u) => (u.midtermOn ? `${u.midtermOn} ${t.label('midterm', u.midtermResult)}` : '—'),
              },
              { title: t('units.acceptedOn'), key: 'acceptedOn', render: (_, u) => u.acceptedOn ?? '—' },
              {
                title: t('exc.actions'),
                key: 'actions',
                render: (_, u) => (
                  <Space size="small" wrap>
                    {stepsOf(u).map((s) => stepButton(s, u))}
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
          title={dialog.unit ? `${dialog.unit.orgName} · ${titles[dialog.step]}` : titles[dialog.step]}
          fields={fields[dialog.step]}
          initialValues={
            dialog.step === 'apply'
              ? { kind: 'modelBranch', level: 'school', planYear: year }
              : dialog.step === 'accept'
                ? { level: dialog.unit?.level }
                : undefined
          }
          onClose={() => setDialog(null)}
          onSubmit={submit}
        />
      )}
    </Card>
  );
}
