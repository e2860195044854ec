/**
 * An org: breadcrumb, details, children, committee and terms, its members and its history.
 * Writers of its subtree get the edit, move, dissolve and add dialogs.
 */

import { DownOutlined, EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Dropdown,
  Empty,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useOrgTree } from '../../api/orgs.ts';
import type { Items, OrgDetail, OrgHistoryItem, Page, PersonListItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AwardsCard } from '../../excellence/AwardsCard.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { standingTag, statusTag } from '../members/MemberListPage.tsx';
import { ExpiringTerms } from './ExpiringTerms.tsx';
import { KindTag, kindLabel } from './labels.tsx';
import { type DialogKind, OrgDialog } from './OrgDialogs.tsx';
import { Countdown, TermsPanel } from './TermsPanel.tsx';

function OrgMembers({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['people', { orgId }, page, 20],
    queryFn: () => api.get<Page<PersonListItem>>('/people', { orgId, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Table<PersonListItem>
      data-testid="org-member-table"
      rowKey="id"
      size="small"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      scroll={{ x: 640 }}
      title={() => <Link to={`/members?orgId=${orgId}`}>{t('member.list')} →</Link>}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { title: t('member.code'), dataIndex: 'code', width: 120 },
        { title: t('member.name'), dataIndex: 'name', render: (n, r) => <Link to={`/members/${r.id}`}>{n}</Link> },
        {
          title: t('member.org'),
          key: 'org',
          render: (_, r) => r.membership?.orgName ?? '—',
        },
        { title: t('member.group'), key: 'group', render: (_, r) => r.membership?.groupName ?? '—' },
        { title: t('member.status'), key: 'status', render: (_, r) => statusTag(t, r.membership?.status) },
        { title: t('member.standing'), key: 'standing', render: (_, r) => standingTag(t, r.membership?.standing) },
      ]}
    />
  );
}

function OrgHistory({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const history = useQuery({
    queryKey: ['orgs', orgId, 'history'],
    queryFn: () => api.get<Items<OrgHistoryItem>>(`/orgs/${orgId}/history`),
  });
  return (
    <QueryState query={history}>
      {() => {
        const items = [...(history.data?.items ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
        if (!items.length) return <Empty description={t('org.noHistory')} />;
        return (
          <Timeline
            data-testid="org-history"
            items={items.map((h) => ({
              key: h.id,
              color: h.change === 'dissolve' ? 'gray' : h.change === 'create' ? 'green' : 'red',
              content: (
                <div>
                  <Space wrap>
                    <Typography.Text strong>{h.validFrom}</Typography.Text>
                    <Tag>{t.label('change', h.change)}</Tag>
                    <span>{h.name}</span>
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {kindLabel(t, { kind: h.kind as never, subkind: h.subkind, branchCategory: h.branchCategory })}
                      {h.parentName ? ` · ${t('org.parent')}：${h.parentName}` : ''}
                      {` · ${h.validFrom} ~ ${h.validTo ?? t('common.current')}`}
                    </Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
        );
      }}
    </QueryState>
  );
}

function FirstOrg() {
  const tree = useOrgTree();
  const { t } = useI18n();
  if (tree.isLoading || tree.isError) return <QueryState query={tree}>{() => null}</QueryState>;
  const first = tree.data?.roots[0];
  if (!first) return <Empty description={t('tree.empty')} />;
  return <Navigate to={`/orgs/${first.id}`} replace />;
}

export default function OrgPage() {
  const { id } = useParams();
  if (!id) return <FirstOrg />;
  return <OrgView id={id} key={id} />;
}

function OrgView({ id }: { id: string }) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [tab, setTab] = useState('details');
  const detail = useQuery({ queryKey: ['orgs', id], queryFn: () => api.get<OrgDetail>(`/orgs/${id}`) });

  return (
    <QueryState query={detail}>
      {() => {
        const { org, ancestors, children, counts, currentTerm } = detail.data as OrgDetail;
        const dissolved = !!org.validTo;
        const canWrite =
          !dissolved &&
          (abilities.roles.includes('platformAdmin') || abilities.writeRoots.some((r) => org.path.includes(`/${r}/`)));
        const canMove = canWrite && org.kind !== 'university' && !abilities.writeRoots.includes(org.id);
        const menu = [
          { key: 'rename', label: t('org.rename') },
          ...(canMove ? [{ key: 'move', label: t('org.move') }] : []),
          ...(org.kind !== 'group' ? [{ key: 'addChild', label: t('org.addChild') }] : []),
          ...(canMove ? [{ key: 'dissolve', label: t('org.dissolve'), danger: true }] : []),
        ];
        const temp = org.temporary;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Breadcrumb
              items={[
                ...ancestors.map((a) => ({ title: <Link to={`/orgs/${a.id}`}>{a.name}</Link> })),
                { title: org.name },
              ]}
            />
            <Card
              title={
                <Space wrap>
                  <span>{org.name}</span>
                  <KindTag t={t} org={org} />
                  {org.jointUnits?.length > 0 && <Tag color="purple">{t('org.jointUnits')}</Tag>}
                  {temp && <Tag color="cyan">{t('org.temporary')}</Tag>}
                  {dissolved && <Tag>{t('org.dissolved')}</Tag>}
                </Space>
              }
              extra={
                canWrite && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                      {t('org.edit')}
                    </Button>
                    <Dropdown
                      menu={{ items: menu, onClick: ({ key }) => setDialog(key as DialogKind) }}
                      trigger={['click']}
                    >
                      <Button>
                        {t('common.actions')} <DownOutlined />
                      </Button>
                    </Dropdown>
                  </Space>
                )
              }
            >
              <Space size="large" wrap style={{ marginBottom: 8 }}>
                <Statistic title={t('status.full')} value={counts.full} />
                <Statistic title={t('status.probationary')} value={counts.probationary} />
                {currentTerm && (
                  <div>
                    <Typography.Text type="secondary">{t('term.endsOn')}</Typography.Text>
                    <div style={{ fontSize: 16, marginTop: 4 }}>
                      {currentTerm.endsOn} <Countdown t={t} daysLeft={currentTerm.daysLeft} />
                    </div>
                  </div>
                )}
                {org.kind === 'branch' && <Link to={`/compliance?org=${org.id}`}>{t('sc.fromOrgPage')}</Link>}
              </Space>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'details',
                    label: t('org.details'),
                    children: (
                      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                        {(org.kind === 'university' || org.kind === 'college') && <ExpiringTerms rootId={org.id} />}
                        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
                          <Descriptions.Item label={t('org.code')}>{org.code}</Descriptions.Item>
                          <Descriptions.Item label={t('org.kind')}>{t.label('kind', org.kind)}</Descriptions.Item>
                          {org.kind === 'college' && (
                            <Descriptions.Item label={t('org.subkind')}>
                              {t.label('subkind', org.subkind)}
                            </Descriptions.Item>
                          )}
                          {org.kind === 'branch' && (
                            <Descriptions.Item label={t('org.branchCategory')}>
                              {t.label('category', org.branchCategory)}
                            </Descriptions.Item>
                          )}
                          <Descriptions.Item label={t('org.validity')}>
                            {org.validFrom} ~ {org.validTo ?? t('common.current')}
                          </Descriptions.Item>
                          {org.jointUnits?.length > 0 && (
                            <Descriptions.Item label={t('org.jointUnits')} span="filled">
                              <Space wrap size={4}>
                                {org.jointUnits.map((u) => (
                                  <Tag key={u}>{u}</Tag>
                                ))}
                              </Space>
                            </Descriptions.Item>
                          )}
                          {temp && (
                            <>
                              <Descriptions.Item label={t('org.temporary.approvedOn')}>
                                {temp.approvedOn ?? '—'}
                              </Descriptions.Item>
                              <Descriptions.Item label={t('org.temporary.approvedBy')}>
                                {temp.approvedBy ?? '—'}
                              </Descriptions.Item>
                              <Descriptions.Item label={t('org.temporary.endsOn')}>
                                {temp.endsOn ?? '—'}
                              </Descriptions.Item>
                              <Descriptions.Item label={t('org.temporary.purpose')}>
                                {temp.purpose ?? '—'}
                              </Descriptions.Item>
                            </>
                          )}
                        </Descriptions>
                        <Card size="small" title={t('org.children')}>
                          <Table
                            size="small"
                            rowKey="id"
                            dataSource={children}
                            pagination={children.length > 20 ? { pageSize: 20 } : false}
                            locale={{ emptyText: t('org.noChildren') }}
                            onRow={(r) => ({ onDoubleClick: () => navigate(`/orgs/${r.id}`) })}
                            scroll={{ x: 480 }}
                            columns={[
                              { title: t('org.code'), dataIndex: 'code', width: 140 },
                              {
                                title: t('org.name'),
                                dataIndex: 'name',
                                render: (n, r) => <Link to={`/orgs/${r.id}`}>{n}</Link>,
                              },
                              {
                                title: t('org.kind'),
                                key: 'kind',
                                render: (_, r) => kindLabel(t, r),
                              },
                              ...(children.some((c) => typeof (c as { memberCount?: number }).memberCount === 'number')
                                ? [
                                    {
                                      title: t('org.memberCount'),
                                      key: 'memberCount',
                                      render: (_: unknown, r: object) => (r as { memberCount?: number }).memberCount,
                                    },
                                  ]
                                : []),
                            ]}
                          />
                        </Card>
                        <AwardsCard owner="orgs" id={org.id} />
                      </Space>
                    ),
                  },
                  ...(org.kind !== 'group'
                    ? [
                        {
                          key: 'committee',
                          label: t('org.committee'),
                          children: <TermsPanel orgId={org.id} canWrite={canWrite} />,
                        },
                      ]
                    : []),
                  { key: 'members', label: t('org.members'), children: <OrgMembers orgId={org.id} /> },
                  { key: 'history', label: t('org.history'), children: <OrgHistory orgId={org.id} /> },
                ]}
              />
            </Card>
            {dialog && (
              <OrgDialog
                kind={dialog}
                org={org}
                onClose={() => setDialog(null)}
                onDone={(result) => {
                  setDialog(null);
                  queryClient.invalidateQueries({ queryKey: ['orgs'] });
                  const created = (result as { org?: { id?: string }; id?: string } | null) ?? null;
                  const newId = created?.org?.id ?? created?.id;
                  if (dialog === 'addChild' && newId) navigate(`/orgs/${newId}`);
                }}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
