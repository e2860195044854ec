/**
 * 党员名册: filters kept in the address (so a link or reload keeps them), a paginated table, the
 * Excel export with the same filters, and the add-member drawer for writers.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, download } from '../../api/client.ts';
import type { Page, PersonListItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { features } from '../../features.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AddMemberDrawer } from './AddMemberDrawer.tsx';
import { optionsOf, personCategories, standings, statuses } from './options.ts';

const filterKeys = ['orgId', 'category', 'status', 'standing', 'q'] as const;

export function statusTag(t: ReturnType<typeof useI18n>['t'], status: string | null | undefined) {
  if (!status) return null;
  return <Tag color={status === 'full' ? 'red' : 'orange'}>{t.label('status', status)}</Tag>;
}

export function standingTag(t: ReturnType<typeof useI18n>['t'], standing: string | null | undefined) {
  if (!standing) return null;
  return <Tag color={standing === 'normal' ? 'green' : 'default'}>{t.label('standing', standing)}</Tag>;
}

export default function MemberListPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [q, setQ] = useState(params.get('q') ?? '');

  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);

  const list = useQuery({
    queryKey: ['people', filters, page, pageSize],
    queryFn: () => api.get<Page<PersonListItem>>('/people', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const setFilter = (key: string, value: string | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await download('/people/export.xlsx', filters, '党员名册.xlsx');
    } catch (e) {
      showApiError(e, message);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<PersonListItem> = [
    { title: t('member.code'), dataIndex: 'code', width: 120 },
    {
      title: t('member.name'),
      dataIndex: 'name',
      render: (name: string, r) => <Link to={`/members/${r.id}`}>{name}</Link>,
    },
    { title: t('member.gender'), dataIndex: 'gender', width: 70, render: (g) => t.label('gender', g) },
    {
      title: t('member.personCategory'),
      dataIndex: 'personCategory',
      width: 90,
      render: (c) => t.label('personCategory', c),
    },
    {
      title: t('member.org'),
      key: 'org',
      render: (_, r) =>
        r.membership ? (
          <span>
            {features.orgs ? (
              <Link to={`/orgs/${r.membership.orgId}`}>{r.membership.orgName}</Link>
            ) : (
              r.membership.orgName
            )}
            {r.membership.groupName && <Typography.Text type="secondary"> · {r.membership.groupName}</Typography.Text>}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('member.noMembership')}</Typography.Text>
        ),
    },
    { title: t('member.status'), key: 'status', width: 100, render: (_, r) => statusTag(t, r.membership?.status) },
    {
      title: t('member.standing'),
      key: 'standing',
      width: 100,
      render: (_, r) => standingTag(t, r.membership?.standing),
    },
    { title: t('member.joinedOn'), key: 'joinedOn', width: 110, render: (_, r) => r.membership?.joinedOn ?? '—' },
    { title: t('member.unit'), dataIndex: 'unit', ellipsis: true, render: (u) => u ?? '—' },
  ];

  return (
    <Card
      title={t('member.list')}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting}>
            {t('common.exportExcel')}
          </Button>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('member.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={6} hidden={!features.orgs}>
          <OrgPicker
            aria-label={t('member.filterOrg')}
            placeholder={t('member.filterOrgAll')}
            value={filters.orgId}
            onChange={(v) => setFilter('orgId', v)}
            allowClear
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('member.personCategory')}
            placeholder={t('member.personCategory')}
            allowClear
            value={filters.category}
            onChange={(v) => setFilter('category', v)}
            options={optionsOf(t, 'personCategory', personCategories)}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('member.status')}
            placeholder={t('member.status')}
            allowClear
            value={filters.status}
            onChange={(v) => setFilter('status', v)}
            options={optionsOf(t, 'status', statuses)}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('member.standing')}
            placeholder={t('member.standing')}
            allowClear
            value={filters.standing}
            onChange={(v) => setFilter('standing', v)}
            options={optionsOf(t, 'standing', standings)}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('member.searchPlaceholder')}
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim())}
            enterButton={t('common.search')}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Button
            onClick={() => {
              setQ('');
              setParams(new URLSearchParams());
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
      <Table<PersonListItem>
        data-testid="member-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 960 }}
        locale={list.isError ? { emptyText: (list.error as Error).message } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(s !== pageSize ? 1 : p));
            next.set('pageSize', String(s));
            setParams(next);
          },
        }}
      />
      <AddMemberDrawer
        open={adding}
        onClose={() => setAdding(false)}
        defaultOrgId={filters.orgId}
        onCreated={(d) => {
          setAdding(false);
          list.refetch();
          navigate(`/members/${d.person.id}`);
        }}
      />
    </Card>
  );
}
