/**
 * 积极分子名册: the activists and candidates of a college or branch with their dates, mentors,
 * sponsors and what is due next, and the same roster as an Excel file.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { download } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type RosterEntry, useRoster } from './api.ts';
import { type DevStage, stageColor, stageName } from './names.ts';

const dueColor: Record<string, string> = { upcoming: 'blue', warning: 'orange', overdue: 'red' };

export default function RosterPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const roster = useRoster(orgId);

  const exportExcel = async () => {
    try {
      await download('/development/roster.xlsx', { orgId }, '入党积极分子和发展对象花名册.xlsx');
    } catch (e) {
      showApiError(e, message);
    }
  };

  const columns = [
    { title: t('dev.code'), dataIndex: 'personCode', key: 'code', width: 100 },
    {
      title: t('dev.person'),
      key: 'name',
      render: (_: unknown, r: RosterEntry) => <Link to={`/development/cases/${r.caseId}`}>{r.personName}</Link>,
    },
    {
      title: t('member.gender'),
      key: 'gender',
      width: 60,
      render: (_: unknown, r: RosterEntry) => t.label('gender', r.gender),
    },
    {
      title: t('member.personCategory'),
      key: 'category',
      width: 80,
      render: (_: unknown, r: RosterEntry) => t.label('personCategory', r.personCategory),
    },
    { title: t('dev.branch'), dataIndex: 'branchName', key: 'branch' },
    {
      title: t('dev.stage'),
      key: 'stage',
      render: (_: unknown, r: RosterEntry) => (
        <Tag color={stageColor[r.stage as DevStage]}>{stageName(r.stage, locale)}</Tag>
      ),
    },
    { title: t('dev.applicationOn'), dataIndex: 'appliedOn', key: 'appliedOn', width: 110 },
    { title: t('dev.activistOn'), dataIndex: 'activistOn', key: 'activistOn', width: 110 },
    { title: t('dev.candidateOn'), dataIndex: 'candidateOn', key: 'candidateOn', width: 110 },
    { title: t('dev.mentors'), key: 'mentors', render: (_: unknown, r: RosterEntry) => r.mentors.join('、') },
    { title: t('dev.sponsors'), key: 'sponsors', render: (_: unknown, r: RosterEntry) => r.sponsors.join('、') },
    {
      title: t('dev.dueNext'),
      key: 'next',
      render: (_: unknown, r: RosterEntry) =>
        r.next ? (
          <Tag color={dueColor[r.next.state] ?? 'default'}>
            {`${locale === 'zh-CN' ? r.next.label.zh : r.next.label.en} ${r.next.due}`}
          </Tag>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('dev.rosterTitle')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportExcel} disabled={!orgId}>
          {t('dev.export')}
        </Button>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              if (v) next.set('orgId', v);
              else next.delete('orgId');
              setParams(next, { replace: true });
            }}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
      </Row>
      <QueryState query={roster}>
        {() => (
          <>
            <Typography.Paragraph type="secondary">
              {t('dev.total.cases', { total: roster.data?.items.length ?? 0 })}
            </Typography.Paragraph>
            <Table<RosterEntry>
              data-testid="dev-roster"
              rowKey="caseId"
              size="small"
              scroll={{ x: 1300 }}
              dataSource={roster.data?.items ?? []}
              columns={columns}
              pagination={{ pageSize: 50, showSizeChanger: false }}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
