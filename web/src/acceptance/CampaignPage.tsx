/**
 * One campaign: progress per college (exportable), every branch's stage (each links to its review), the
 * certificate list with its Excel export, and the indicators. The organization department closes
 * or reopens it here.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import {
  type CertificateRow,
  type Indicator,
  type ProgressRow,
  type ReviewRow,
  stages,
  useCampaign,
  useCertificates,
  useProgress,
} from './api.ts';
import { StageTag, useText } from './labels.tsx';

export default function CampaignPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const campaign = useCampaign(id);
  const progress = useProgress(id);
  const certificates = useCertificates(id);

  const setStatus = async (status: 'open' | 'closed') => {
    if (!campaign.data) return;
    try {
      await api.put(`/acceptance/campaigns/${id}`, { version: campaign.data.version, status });
      message.success(t('acc.saved'));
      await queryClient.invalidateQueries({ queryKey: ['acceptance'] });
    } catch (e) {
      showApiError(e, message);
    }
  };

  const progressColumns = [
    {
      title: t('acc.college'),
      key: 'college',
      render: (_: unknown, r: ProgressRow) => (r.collegeId ? r.collegeName : t('acc.direct')),
    },
    { title: t('acc.total'), dataIndex: 'total', key: 'total', width: 80 },
    ...stages.map((s) => ({
      title: t.label('accStage', s),
      key: s,
      width: 110,
      render: (_: unknown, r: ProgressRow) => r.counts[s],
    })),
  ];
  const reviewColumns = [
    {
      title: t('acc.branch'),
      key: 'branch',
      render: (_: unknown, r: ReviewRow) => <Link to={`/acceptance/reviews/${r.id}`}>{r.orgName}</Link>,
    },
    { title: t('acc.college'), key: 'college', render: (_: unknown, r: ReviewRow) => r.collegeName ?? t('acc.direct') },
    {
      title: t('acc.stage'),
      key: 'stage',
      width: 130,
      render: (_: unknown, r: ReviewRow) => <StageTag stage={r.stage} />,
    },
    {
      title: t('acc.lastStep'),
      key: 'last',
      render: (_: unknown, r: ReviewRow) =>
        r.lastStep ? `${r.lastStep.on} ${t.label('accStep', r.lastStep.step)} · ${r.lastStep.actorName}` : '—',
    },
  ];
  const certificateColumns = [
    { title: t('acc.branch'), dataIndex: 'orgName', key: 'org' },
    {
      title: t('acc.college'),
      key: 'college',
      render: (_: unknown, r: CertificateRow) => r.collegeName ?? t('acc.direct'),
    },
    { title: t('acc.certifiedOn'), dataIndex: 'certifiedOn', key: 'on', width: 120 },
    { title: t('acc.certifiedBy'), dataIndex: 'certifiedBy', key: 'by', width: 140 },
  ];
  const indicatorColumns = [
    { title: t('acc.indicator'), dataIndex: 'code', key: 'code', width: 100 },
    { title: t('acc.title'), key: 'title', render: (_: unknown, i: Indicator) => text(i.title) },
    { title: t('acc.kind'), key: 'kind', width: 120, render: (_: unknown, i: Indicator) => t.label('accKind', i.kind) },
    { title: t('acc.source'), dataIndex: 'source', key: 'source', width: 160 },
  ];

  return (
    <QueryState query={campaign}>
      {() => {
        const c = campaign.data;
        if (!c) return null;
        return (
          <Card
            title={
              <Space>
                {c.title}
                <Tag color={c.status === 'open' ? 'processing' : 'default'}>{t.label('accStatus', c.status)}</Tag>
              </Space>
            }
            extra={
              abilities.roles.includes('orgDepartmentAdmin') && (
                <Button onClick={() => setStatus(c.status === 'open' ? 'closed' : 'open')}>
                  {c.status === 'open' ? t('acc.close') : t('acc.reopen')}
                </Button>
              )
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('acc.year')}>{c.year}</Descriptions.Item>
              <Descriptions.Item label={t('acc.opensOn')}>{c.opensOn}</Descriptions.Item>
              <Descriptions.Item label={t('acc.closesOn')}>{c.closesOn}</Descriptions.Item>
            </Descriptions>
            <Tabs
              items={[
                {
                  key: 'progress',
                  label: t('acc.tabProgress'),
                  children: (
                    <>
                      <Button
                        icon={<DownloadOutlined />}
                        style={{ marginBottom: 12 }}
                        data-testid="acc-progress-export"
                        onClick={() =>
                          download(
                            `/acceptance/campaigns/${c.id}/progress/export.xlsx`,
                            undefined,
                            'progress.xlsx',
                          ).catch((e) => showApiError(e, message))
                        }
                      >
                        {t('acc.export')}
                      </Button>
                      <Table
                        rowKey={(r) => r.collegeId ?? 'direct'}
                        size="small"
                        columns={progressColumns}
                        dataSource={progress.data?.items ?? []}
                        loading={progress.isLoading}
                        pagination={false}
                        data-testid="acc-progress"
                      />
                    </>
                  ),
                },
                {
                  key: 'branches',
                  label: t('acc.tabBranches'),
                  children: (
                    <Table
                      rowKey="id"
                      size="small"
                      columns={reviewColumns}
                      dataSource={c.reviews}
                      pagination={{ pageSize: 50 }}
                    />
                  ),
                },
                {
                  key: 'certificates',
                  label: t('acc.tabCertificates'),
                  children: (
                    <>
                      <Button
                        icon={<DownloadOutlined />}
                        style={{ marginBottom: 12 }}
                        onClick={() =>
                          download(
                            `/acceptance/campaigns/${c.id}/certificates/export.xlsx`,
                            undefined,
                            'certified.xlsx',
                          ).catch((e) => showApiError(e, message))
                        }
                      >
                        {t('acc.export')}
                      </Button>
                      <Table
                        rowKey="reviewId"
                        size="small"
                        columns={certificateColumns}
                        dataSource={certificates.data?.items ?? []}
                        loading={certificates.isLoading}
                        pagination={false}
                        data-testid="acc-certificates"
                      />
                    </>
                  ),
                },
                {
                  key: 'indicators',
                  label: t('acc.tabIndicators'),
                  children: (
                    <>
                      <Typography.Paragraph type="secondary">{c.standardSets.join('、')}</Typography.Paragraph>
                      <Table
                        rowKey="code"
                        size="small"
                        columns={indicatorColumns}
                        dataSource={c.indicators}
                        pagination={false}
                      />
                    </>
                  ),
                },
              ]}
            />
          </Card>
        );
      }}
    </QueryState>
  );
}
