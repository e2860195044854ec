/**
 * 入党积极分子队伍状况分析 (DEV-11): each college-level organization's yearly analysis of its activist
 * pool, with the pipeline counts of the day it was held, and which colleges have none for the year.
 * The form shows the counts of the chosen day (GET /dev-pool-analyses/counts); the server keeps
 * those same counts when it records the analysis.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { countOf, PoolCountsView } from './PoolCounts.tsx';
import { type PlanOverviewRow, usePlanOverview } from './plans-api.ts';
import { type PoolAnalysis, recordAnalysis, updateAnalysis, useAnalyses, usePoolCounts } from './pool-api.ts';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

type FormValues = { orgId: string; heldOn: Dayjs; summary: string };
/** What the modal edits: a new analysis (with the colleges to choose from) or one on record. */
type Editing = { year: number; colleges: PlanOverviewRow[]; analysis: PoolAnalysis | null };

function AnalysisModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const orgId = Form.useWatch('orgId', form);
  const heldOn = Form.useWatch('heldOn', form);
  const counts = usePoolCounts(orgId, heldOn ? heldOn.format('YYYY-MM-DD') : undefined);
  const analysis = editing?.analysis ?? null;
  const submit = async (v: FormValues) => {
    if (!editing) return;
    setSaving(true);
    try {
      const day = v.heldOn.format('YYYY-MM-DD');
      if (analysis) await updateAnalysis(analysis.id, { version: analysis.version, heldOn: day, summary: v.summary });
      else await recordAnalysis({ orgId: v.orgId, year: editing.year, heldOn: day, summary: v.summary });
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['development', 'pool-analyses'] });
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };
  const initial = analysis
    ? { orgId: analysis.orgId, heldOn: dayjs(analysis.heldOn), summary: analysis.summary }
    : { orgId: editing?.colleges.length === 1 ? editing.colleges[0].orgId : undefined, heldOn: dayjs() };
  return (
    <Modal
      open={Boolean(editing)}
      title={`${analysis ? t('dev.editAnalysis') : t('dev.recordAnalysis')}（${editing?.year ?? ''}）`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
        <Form.Item name="orgId" label={t('dev.college')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(analysis)}
            options={(analysis
              ? [{ orgId: analysis.orgId, orgName: analysis.orgName }]
              : (editing?.colleges ?? [])
            ).map((c) => ({ value: c.orgId, label: c.orgName }))}
          />
        </Form.Item>
        <Form.Item name="heldOn" label={t('dev.heldOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label={t('dev.analysisSummary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={10_000} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('dev.countsOfDay')}</Typography.Paragraph>
      {counts.data ? (
        <PoolCountsView counts={counts.data} />
      ) : counts.isError ? (
        <Alert type="warning" showIcon title={(counts.error as Error).message} />
      ) : null}
    </Modal>
  );
}

export default function PoolAnalysesPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const analyses = useAnalyses(orgId, year);
  // The college-level organizations under the org, as the plans list them: those without an analysis are DEV-11's.
  const colleges = usePlanOverview(orgId, year);
  const [editing, setEditing] = useState<Editing | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rows = analyses.data?.items ?? [];
  const collegeRows = colleges.data?.items ?? [];
  const missing = collegeRows.filter((c) => !rows.some((a) => a.orgId === c.orgId));

  const columns = [
    { title: t('dev.college'), dataIndex: 'orgName', key: 'org' },
    { title: t('dev.heldOn'), dataIndex: 'heldOn', key: 'heldOn' },
    ...(['applicant', 'activist', 'candidate'] as const).map((stage) => ({
      title: t(`dev.pool.${stage}`),
      key: stage,
      align: 'right' as const,
      render: (_: unknown, r: PoolAnalysis) => countOf(r.counts, stage),
    })),
    {
      title: t('dev.youngTeachers'),
      key: 'young',
      align: 'right' as const,
      render: (_: unknown, r: PoolAnalysis) => r.counts.youngTeachers,
    },
    {
      title: t('dev.analysisSummary'),
      dataIndex: 'summary',
      key: 'summary',
      render: (s: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {s}
        </Typography.Paragraph>
      ),
    },
    { title: t('dev.recordedBy'), dataIndex: 'recordedByName', key: 'by' },
    ...(abilities.writes
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: PoolAnalysis) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing({ year, colleges: [], analysis: r })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('dev.analysesTitle')}
      extra={
        abilities.writes && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            // The colleges of the org picked before may still be shown while the new ones load.
            disabled={!collegeRows.length || colleges.isPlaceholderData}
            onClick={() => setEditing({ year, colleges: collegeRows, analysis: null })}
          >
            {t('dev.recordAnalysis')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
        <Col xs={12} md={4}>
          <InputNumber
            aria-label={t('dev.year')}
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && set('year', String(v))}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('dev.analysesHint')}</Typography.Paragraph>
      {analyses.data && colleges.data && missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="analyses-missing"
          title={t('dev.analysesMissing', { year, n: missing.length, names: missing.map((c) => c.orgName).join('、') })}
        />
      )}
      <QueryState query={analyses}>
        {() => (
          <Table<PoolAnalysis>
            data-testid="pool-analyses"
            rowKey="id"
            size="small"
            scroll={{ x: 900 }}
            dataSource={rows}
            columns={columns}
            expandable={{ expandedRowRender: (r) => <PoolCountsView counts={r.counts} /> }}
            locale={{ emptyText: t('dev.analysesEmpty') }}
            pagination={rows.length > 50 ? { pageSize: 50 } : false}
          />
        )}
      </QueryState>
      <AnalysisModal editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
