/** A table of findings: severity, the message in the user's language with its source, where and when. */
import { Table, type TablePaginationConfig, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/index.tsx';
import { atShanghai, colon, FindingStatusTag, inLocale, SeverityTag } from './labels.tsx';
import { findingLink } from './links.ts';
import type { FindingItem } from './types.ts';

export function FindingsTable({
  items,
  loading,
  pagination,
  emptyText,
  hideOrg,
}: {
  items: FindingItem[];
  loading?: boolean;
  pagination: TablePaginationConfig | false;
  emptyText?: string;
  hideOrg?: boolean;
}) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<FindingItem> = [
    {
      title: t('cf.severity'),
      dataIndex: 'severity',
      width: 80,
      render: (s: string) => <SeverityTag t={t} severity={s} />,
    },
    { title: t('cf.rule'), dataIndex: 'rule', width: 90 },
    {
      title: t('cf.message'),
      key: 'message',
      render: (_, f) => (
        <div>
          <Link to={findingLink(f.id)}>{inLocale(locale, f.message)}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cf.source')}
              {colon(locale)}
              {f.source}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    ...(hideOrg
      ? []
      : [
          {
            title: t('cf.org'),
            key: 'org',
            width: 180,
            render: (_: unknown, f: FindingItem) => <Link to={`/orgs/${f.org.id}`}>{f.org.name}</Link>,
          },
        ]),
    {
      title: t('cf.person'),
      key: 'person',
      width: 100,
      render: (_, f) => (f.person ? <Link to={`/members/${f.person.id}`}>{f.person.name}</Link> : '—'),
    },
    { title: t('cf.period'), dataIndex: 'period', width: 100, render: (p: string | null) => p ?? '—' },
    {
      title: t('cf.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <FindingStatusTag t={t} status={s} />,
    },
    { title: t('cf.openedAt'), dataIndex: 'openedAt', width: 150, render: (at: string) => atShanghai(at) },
  ];
  return (
    <Table<FindingItem>
      data-testid="findings-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1000 }}
      locale={emptyText ? { emptyText } : undefined}
      pagination={pagination}
    />
  );
}
