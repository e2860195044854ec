/** One person: fields, current membership, membership history and seats; edit and change for writers. */
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { subtreeIds, useOrgTree } from '../../api/orgs.ts';
import type { PersonDetail, Seat } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AwardsCard } from '../../excellence/AwardsCard.tsx';
import { features } from '../../features.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ChangeMembershipModal } from './ChangeMembershipModal.tsx';
import { EditPersonDrawer } from './EditPersonDrawer.tsx';
import { standingTag, statusTag } from './MemberListPage.tsx';

export default function MemberDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const detail = useQuery({ queryKey: ['person', id], queryFn: () => api.get<PersonDetail>(`/people/${id}`) });
  const tree = useOrgTree(null, abilities.writes && features.orgs);

  const current = detail.data?.memberships.find((m) => !m.validTo) ?? null;
  // The organization department writes the whole university; others only their subtree.
  const isAdmin = abilities.roles.includes('platformAdmin') || abilities.roles.includes('orgDepartmentAdmin');
  const canWrite = useMemo(() => {
    if (!abilities.writes) return false;
    if (isAdmin) return true;
    if (!current) return true; // a person without membership: the server decides
    const ids = subtreeIds(tree.data?.roots ?? [], abilities.writeRoots);
    return ids.has(current.orgId);
  }, [abilities, isAdmin, current, tree.data]);

  const saved = (d: PersonDetail) => {
    queryClient.setQueryData(['person', id], d);
    queryClient.invalidateQueries({ queryKey: ['people'] });
    setEditing(false);
    setChanging(false);
  };

  return (
    <QueryState query={detail}>
      {() => {
        const { person, memberships, positions } = detail.data as PersonDetail;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {abilities.browses && (
              <Breadcrumb items={[{ title: <Link to="/members">{t('member.list')}</Link> }, { title: person.name }]} />
            )}
            <Card
              title={
                <Space wrap>
                  <span>{person.name}</span>
                  <Typography.Text type="secondary">{person.code}</Typography.Text>
                  {statusTag(t, current?.status)}
                  {current && current.standing !== 'normal' && standingTag(t, current.standing)}
                </Space>
              }
              extra={
                canWrite && (
                  <Space wrap>
                    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                      {t('common.edit')}
                    </Button>
                    {current && (
                      <Button icon={<SwapOutlined />} onClick={() => setChanging(true)}>
                        {t('member.changeMembership')}
                      </Button>
                    )}
                  </Space>
                )
              }
            >
              <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" title={t('member.personSection')}>
                <Descriptions.Item label={t('member.code')}>{person.code}</Descriptions.Item>
                <Descriptions.Item label={t('member.gender')}>{t.label('gender', person.gender)}</Descriptions.Item>
                <Descriptions.Item label={t('member.birthDate')}>{person.birthDate ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('member.personCategory')}>
                  {t.label('personCategory', person.personCategory)}
                </Descriptions.Item>
                <Descriptions.Item label={t('member.unit')}>{person.unit ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('member.title')}>{person.title ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('member.leadingCadre')}>
                  {person.leadingCadre ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('member.phone')}>{person.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('member.email')}>{person.email ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Descriptions
                column={{ xs: 1, sm: 2, lg: 3 }}
                size="small"
                title={t('member.membershipSection')}
                style={{ marginTop: 16 }}
              >
                {current ? (
                  <>
                    <Descriptions.Item label={t('member.org')}>
                      {abilities.browses && features.orgs ? (
                        <Link to={`/orgs/${current.orgId}`}>{current.orgName}</Link>
                      ) : (
                        current.orgName
                      )}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('member.group')}>{current.groupName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('member.status')}>
                      {t.label('status', current.status)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('member.standing')}>
                      {t.label('standing', current.standing)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('member.joinedOn')}>{current.joinedOn ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('member.confirmedOn')}>{current.confirmedOn ?? '—'}</Descriptions.Item>
                  </>
                ) : (
                  <Descriptions.Item>{t('member.noMembership')}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title={t('member.history')} size="small">
                  {memberships.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.noMembership')} />
                  ) : (
                    <Timeline
                      items={memberships.map((m) => ({
                        key: m.id,
                        color: m.validTo ? 'gray' : 'red',
                        content: (
                          <div>
                            <Typography.Text strong>
                              {m.validFrom} ~ {m.validTo ?? t('common.current')}
                            </Typography.Text>
                            <div>
                              {m.orgName}
                              {m.groupName ? ` · ${m.groupName}` : ''}
                            </div>
                            <Space size={4} wrap>
                              {statusTag(t, m.status)}
                              {standingTag(t, m.standing)}
                            </Space>
                          </div>
                        ),
                      }))}
                    />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('member.seats')} size="small">
                  <Table<Seat>
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={positions}
                    locale={{ emptyText: t('member.noSeats') }}
                    scroll={{ x: 420 }}
                    columns={[
                      { title: t('term.role'), dataIndex: 'role', render: (r) => t.label('position', r) },
                      {
                        title: t('member.org'),
                        dataIndex: 'orgName',
                        render: (n, s) =>
                          abilities.browses && features.orgs ? <Link to={`/orgs/${s.orgId}`}>{n}</Link> : n,
                      },
                      {
                        title: t('term.from'),
                        key: 'range',
                        render: (_, s) => `${s.validFrom} ~ ${s.validTo ?? t('common.current')}`,
                      },
                      {
                        title: t('term.dualLeader'),
                        dataIndex: 'dualLeader',
                        render: (d) => (d ? <Tag color="gold">{t('term.dualLeader')}</Tag> : null),
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <AwardsCard owner="people" id={person.id} />
            {editing && (
              <EditPersonDrawer person={person} open={editing} onClose={() => setEditing(false)} onSaved={saved} />
            )}
            {changing && current && (
              <ChangeMembershipModal
                personId={person.id}
                membership={current}
                open={changing}
                onClose={() => setChanging(false)}
                onDone={saved}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
