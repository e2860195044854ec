/**
 * 学时统计: each member of an org subtree against this year's requirement (32, or up to 56 for
 * secretaries and committee members), who is behind, with the Excel export. The org follows
 * the tree navigator (?orgId=).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { HoursResponse, HoursRow } from './api.ts';
import { thisYear } from './year.ts';

export default function HoursPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const behind = params.get('behind') === '1';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const query = { orgId, year, behind: behind ? '1' : undefined };
  const hours = useQuery({
    queryKey: ['training', 'hours', query],
    queryFn: () => api.get<HoursResponse>('/training/hours', query),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });

  const columns = [
    { title: t('training.code'), dataIndex: 'code', key: 'code', width: 100 },
    { title: t('training.name'), dataIndex: 'name', key: 'name', width: 100 },
    { title: t('training.branch'), dataIndex: 'orgName', key: 'orgName' },
    ...(['partySchool', 'rotation', 'online', 'meeting', 'other'] as const).map((k) => ({
      title: t.label('trainingKind', k),
      key: k,
      align: 'right' as const,
      render: (_: unknown, r: HoursRow) => r.byKind[k] || '',
    })),
    {
      title: t('training.hours'),
      dataIndex: 'hours',
      key: 'hours',
      align: 'right' as const,
      render: (v: number) => <strong>{v}</strong>,
    },
    { title: t('training.required'), dataIndex: 'required', key: 'required', align: 'right' as const },
    { title: t('training.expected'), dataIndex: 'expectedByNow', key: 'expected', align: 'right' as const },
    {
      title: t('training.seatDays'),
      dataIndex: 'seatDays',
      key: 'seatDays',
      align: 'right' as const,
      render: (v: number) => v || '',
    },
    {
      title: t('training.status'),
      key: 'status',
      render: (_: unknown, r: HoursRow) =>
        r.behind ? <Tag color="red">{t('training.behind')}</Tag> : <Tag color="green">{t('training.onTrack')}</Tag>,
    },
  ];

  return (
    <Card
      title={t('nav.trainingHours')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={!orgId}
          onClick={() =>
            download('/training/hours/export.xlsx', query, `学时-${year}.xlsx`).catch((e) => message.error(e.message))
          }
        >
          {t('training.export')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('training.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('training.org')}>
              <OrgPicker
                aria-label={t('training.org')}
                placeholder={t('training.pickOrg')}
                value={orgId}
                onChange={(v) => set('orgId', v)}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('training.year')}>
              <InputNumber
                aria-label={t('training.year')}
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => v && set('year', String(v))}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label={t('training.onlyBehind')}>
              <Switch
                aria-label={t('training.onlyBehind')}
                checked={behind}
                onChange={(v) => set('behind', v ? '1' : undefined)}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <QueryState query={hours}>
        {() => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="hours-summary">
              {t('training.summary', { total: hours.data?.total ?? 0, behind: hours.data?.behind ?? 0 })}
            </Typography.Text>
            <Table<HoursRow>
              rowKey="personId"
              size="small"
              columns={columns}
              dataSource={hours.data?.items ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 1000 }}
              rowClassName={(r) => (r.behind ? 'zb-row-behind' : '')}
            />
          </Space>
        )}
      </QueryState>
    </Card>
  );
}
