/** 委员会与届次: the current term with its countdown and seats (vacant ones marked), earlier terms below. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import type { Items, Position, Term } from '../../api/types.ts';
import { showApiError } from '../../components/forms.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { type Translate, useI18n } from '../../i18n/index.tsx';
import { daysLeftClass } from './labels.tsx';
import { AddSeatDialog, NewTermDialog } from './TermDialogs.tsx';

export function Countdown({ t, daysLeft }: { t: Translate; daysLeft: number }) {
  return (
    <span className={daysLeftClass(daysLeft)} data-testid="term-countdown">
      {daysLeft < 0 ? t('term.overdue', { n: -daysLeft }) : t('term.countdown', { n: daysLeft })}
    </span>
  );
}

function TermView({ term, t, onEndSeat }: { term: Term; t: Translate; onEndSeat?: (p: Position) => void }) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const seats = term.positions.filter((p) => !p.validTo || p.validTo > today);
  const past = term.positions.filter((p) => p.validTo && p.validTo <= today);
  type Row = Position | { id: string; role: string; vacant: true };
  const rows: Row[] = [
    ...seats,
    ...term.vacantRoles.map((role) => ({ id: `vacant-${role}`, role, vacant: true as const })),
    ...past,
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label={t('term.electedOn')}>{term.electedOn}</Descriptions.Item>
        <Descriptions.Item label={t('term.endsOn')}>{term.endsOn}</Descriptions.Item>
        <Descriptions.Item label={t('term.daysLeft')}>
          <Countdown t={t} daysLeft={term.daysLeft} />
        </Descriptions.Item>
      </Descriptions>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 480 }}
        columns={[
          { title: t('term.role'), dataIndex: 'role', render: (r) => t.label('position', r) },
          {
            title: t('term.person'),
            key: 'person',
            render: (_, r) =>
              'vacant' in r ? (
                <Tag color="error">{t('term.vacant')}</Tag>
              ) : (
                <Space size={4}>
                  <Link to={`/members/${r.personId}`}>{r.personName}</Link>
                  {r.dualLeader && <Tag color="gold">{t('term.dualLeader')}</Tag>}
                </Space>
              ),
          },
          {
            title: `${t('term.from')} ~ ${t('term.to')}`,
            key: 'range',
            render: (_, r) =>
              'vacant' in r ? (
                '—'
              ) : (
                <Typography.Text type={r.validTo && r.validTo <= today ? 'secondary' : undefined}>
                  {r.validFrom} ~ {r.validTo ?? t('common.current')}
                </Typography.Text>
              ),
          },
          ...(onEndSeat
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: Row) =>
                    'vacant' in r || r.validTo ? null : (
                      <Popconfirm
                        title={t('term.endPositionConfirm', { name: r.personName, role: t.label('position', r.role) })}
                        okText={t('common.ok')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onEndSeat(r)}
                      >
                        <Button type="link" size="small" danger>
                          {t('term.endPosition')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

export function TermsPanel({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'term' | 'seat' | null>(null);
  const terms = useQuery({
    queryKey: ['orgs', orgId, 'terms'],
    queryFn: () => api.get<Items<Term>>(`/orgs/${orgId}/terms`),
  });
  const changed = () => {
    setDialog(null);
    queryClient.invalidateQueries({ queryKey: ['orgs'] });
    queryClient.invalidateQueries({ queryKey: ['person'] });
  };
  const endSeat = async (p: Position) => {
    try {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      await api.patch(`/positions/${p.id}`, { version: p.version, validTo: today });
      changed();
    } catch (e) {
      showApiError(e, message);
    }
  };
  const addTerm = canWrite && (
    <Button icon={<PlusOutlined />} onClick={() => setDialog('term')}>
      {t('term.add')}
    </Button>
  );
  return (
    <QueryState query={terms}>
      {() => {
        const items = [...(terms.data?.items ?? [])].sort((a, b) => b.electedOn.localeCompare(a.electedOn));
        const newTerm = dialog === 'term' && (
          <NewTermDialog orgId={orgId} onClose={() => setDialog(null)} onDone={changed} />
        );
        if (!items.length)
          return (
            <>
              <Empty description={t('term.none')}>{addTerm}</Empty>
              {newTerm}
            </>
          );
        const [current, ...past] = items;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('term.current')}
              extra={
                canWrite && (
                  <Space wrap>
                    <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('seat')}>
                      {t('term.addPosition')}
                    </Button>
                    {addTerm}
                  </Space>
                )
              }
            >
              <TermView term={current} t={t} onEndSeat={canWrite ? endSeat : undefined} />
            </Card>
            {newTerm}
            {dialog === 'seat' && <AddSeatDialog term={current} onClose={() => setDialog(null)} onDone={changed} />}
            {past.length > 0 && (
              <Collapse
                items={past.map((term) => ({
                  key: term.id,
                  label: `${t('term.past')}：${term.electedOn} ~ ${term.endsOn}`,
                  children: <TermView term={term} t={t} />,
                }))}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
