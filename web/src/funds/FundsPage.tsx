/**
 * 党建工作经费: each college-level organization's budget against the FUND-01 floor, what it was
 * allocated and what it spent, in a year; the university sets budgets and allocations, colleges
 * and branches record expenses. Amounts are entered in yuan and sent in fen.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
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
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';

const expenseCategories = ['activities', 'training', 'venues', 'materials', 'care', 'other'] as const;

type FundRow = {
  orgId: string;
  orgCode: string;
  orgName: string;
  staffMembers: number;
  studentMembers: number;
  minimum: number;
  perStaff: number;
  perStudent: number;
  budget: number | null;
  budgetVersion: number | null;
  allocated: number;
  spent: number;
  expenses: number;
  balance: number;
};
type Overview = {
  year: number;
  items: FundRow[];
  totals: { minimum: number; budget: number; allocated: number; spent: number };
};

const yuan = (fen: number | null) =>
  fen === null ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
/** Yuan typed in a form → integer fen (sent as the API wants it). */
const toFen = (y: number) => Math.round(y * 100);

type Dialog = { kind: 'budget' | 'allocation' | 'expense'; row: FundRow } | null;

export default function FundsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const overview = useQuery({
    queryKey: ['funds', 'overview', { orgId, year }],
    queryFn: () => api.get<Overview>('/funds/overview', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const universityWide = abilities.roles.includes('orgDepartmentAdmin') || abilities.roles.includes('platformAdmin');
  const first = overview.data?.items[0];

  const save = async (v: { amount: number; note?: string; on?: Dayjs; category?: string; description?: string }) => {
    if (!dialog) return;
    try {
      if (dialog.kind === 'budget')
        await api.put('/funds/budgets', {
          orgId: dialog.row.orgId,
          year,
          amount: toFen(v.amount),
          note: v.note || null,
          version: dialog.row.budgetVersion ?? undefined,
        });
      else if (dialog.kind === 'allocation')
        await api.post('/funds/allocations', {
          orgId: dialog.row.orgId,
          year,
          allocatedOn: v.on?.format('YYYY-MM-DD'),
          amount: toFen(v.amount),
          note: v.note || null,
        });
      else
        await api.post('/funds/expenses', {
          orgId: dialog.row.orgId,
          spentOn: v.on?.format('YYYY-MM-DD'),
          amount: toFen(v.amount),
          category: v.category,
          description: v.description,
        });
      message.success(t('funds.saved'));
      setDialog(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['funds'] });
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  const columns = [
    { title: t('funds.college'), dataIndex: 'orgName', key: 'orgName' },
    { title: t('funds.staff'), dataIndex: 'staffMembers', key: 'staff', align: 'right' as const },
    { title: t('funds.students'), dataIndex: 'studentMembers', key: 'students', align: 'right' as const },
    {
      title: t('funds.minimum'),
      key: 'minimum',
      align: 'right' as const,
      render: (_: unknown, r: FundRow) => yuan(r.minimum),
    },
    {
      title: t('funds.budget'),
      key: 'budget',
      align: 'right' as const,
      render: (_: unknown, r: FundRow) =>
        r.budget === null ? (
          <Tag color={r.minimum > 0 ? 'red' : undefined}>{t('funds.noBudget')}</Tag>
        ) : (
          <Space>
            {yuan(r.budget)}
            {r.budget < r.minimum && <Tag color="red">{t('funds.belowMinimum')}</Tag>}
          </Space>
        ),
    },
    {
      title: t('funds.allocated'),
      key: 'allocated',
      align: 'right' as const,
      render: (_: unknown, r: FundRow) => yuan(r.allocated),
    },
    {
      title: t('funds.spent'),
      key: 'spent',
      align: 'right' as const,
      render: (_: unknown, r: FundRow) => yuan(r.spent),
    },
    {
      title: t('funds.balance'),
      key: 'balance',
      align: 'right' as const,
      render: (_: unknown, r: FundRow) => yuan(r.balance),
    },
    {
      title: t('funds.actions'),
      key: 'actions',
      render: (_: unknown, r: FundRow) => (
        <Space size="small" wrap>
          {universityWide && (
            <>
              <Button size="small" onClick={() => setDialog({ kind: 'budget', row: r })}>
                {t('funds.setBudget')}
              </Button>
              <Button size="small" onClick={() => setDialog({ kind: 'allocation', row: r })}>
                {t('funds.addAllocation')}
              </Button>
            </>
          )}
          {abilities.writes && (
            <Button size="small" onClick={() => setDialog({ kind: 'expense', row: r })}>
              {t('funds.addExpense')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('funds.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={!orgId}
          onClick={() =>
            download('/funds/overview/export.xlsx', { orgId, year }, `经费-${year}.xlsx`).catch((e) =>
              message.error(e.message),
            )
          }
        >
          {t('funds.export')}
        </Button>
      }
    >
      {first && (
        <Typography.Paragraph type="secondary">
          {t('funds.hint', { perStaff: first.perStaff / 100, perStudent: first.perStudent / 100 })}
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('funds.org')}>
            <OrgPicker aria-label={t('funds.org')} value={orgId} onChange={(v) => set('orgId', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('funds.year')}>
            <InputNumber
              aria-label={t('funds.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set('year', String(v))}
            />
          </Form.Item>
        </Col>
      </Row>
      <QueryState query={overview}>
        {() => (
          <Table<FundRow>
            rowKey="orgId"
            size="small"
            columns={columns}
            dataSource={overview.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1000 }}
            summary={() =>
              overview.data && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    <strong>{t('funds.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {yuan(overview.data.totals.minimum)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {yuan(overview.data.totals.budget)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {yuan(overview.data.totals.allocated)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {yuan(overview.data.totals.spent)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7} colSpan={2} />
                </Table.Summary.Row>
              )
            }
          />
        )}
      </QueryState>
      <Modal
        open={dialog !== null}
        title={
          dialog &&
          `${dialog.row.orgName} · ${t(dialog.kind === 'budget' ? 'funds.setBudget' : dialog.kind === 'allocation' ? 'funds.addAllocation' : 'funds.addExpense')}`
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={t('funds.save')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          preserve={false}
          initialValues={{
            amount: dialog?.kind === 'budget' && dialog.row.budget !== null ? dialog.row.budget / 100 : undefined,
            category: 'activities',
          }}
        >
          <Form.Item name="amount" label={t('funds.amount')} rules={[{ required: true }]}>
            <InputNumber aria-label={t('funds.amount')} min={0} step={100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {dialog?.kind !== 'budget' && (
            <Form.Item
              name="on"
              label={t(dialog?.kind === 'allocation' ? 'funds.allocatedOn' : 'funds.spentOn')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          {dialog?.kind === 'expense' ? (
            <>
              <Form.Item name="category" label={t('funds.category')} rules={[{ required: true }]}>
                <Select options={expenseCategories.map((c) => ({ value: c, label: t.label('expenseCategory', c) }))} />
              </Form.Item>
              <Form.Item name="description" label={t('funds.description')} rules={[{ required: true }]}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="note" label={t('funds.note')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
