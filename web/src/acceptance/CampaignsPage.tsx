/**
 * 达标验收活动: every campaign of the university with its progress; the organization department
 * opens one for a year and standard sets, with manual indicators beside the rules.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { useStandardSets } from '../compliance/api.ts';
import { showApiError, toIsoDate } from '../components/forms.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { type Campaign, useCampaigns } from './api.ts';
import { useText } from './labels.tsx';

type OpenForm = {
  year: number;
  title: string;
  standardSets: string[];
  dates: [Dayjs, Dayjs];
  manualIndicators?: { code: string; title: string }[];
};

export default function CampaignsPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const list = useCampaigns();
  const [opening, setOpening] = useState(false);
  const opens = abilities.roles.includes('orgDepartmentAdmin');

  const columns = [
    { title: t('acc.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('acc.title'),
      key: 'title',
      render: (_: unknown, c: Campaign) => <Link to={`/acceptance/campaigns/${c.id}`}>{c.title}</Link>,
    },
    { title: t('acc.opensOn'), dataIndex: 'opensOn', key: 'opensOn', width: 120 },
    { title: t('acc.closesOn'), dataIndex: 'closesOn', key: 'closesOn', width: 120 },
    {
      title: t('acc.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, c: Campaign) => (
        <Tag color={c.status === 'open' ? 'processing' : 'default'}>{t.label('accStatus', c.status)}</Tag>
      ),
    },
    {
      title: t('acc.progress'),
      key: 'progress',
      render: (_: unknown, c: Campaign) =>
        t('acc.progressValue', {
          certified: c.counts.certified,
          total: Object.values(c.counts).reduce((a, b) => a + b, 0),
        }),
    },
  ];

  return (
    <Card
      title={t('acc.campaignsTitle')}
      extra={
        opens && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('acc.open')}
          </Button>
        )
      }
    >
      <QueryState query={list}>
        {() => (
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('acc.noCampaigns') }}
          />
        )}
      </QueryState>
      {opening && <OpenCampaignModal onClose={() => setOpening(false)} />}
    </Card>
  );
}

function OpenCampaignModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sets = useStandardSets();
  const [form] = Form.useForm<OpenForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.post<Campaign>('/acceptance/campaigns', {
        year: v.year,
        title: v.title,
        standardSets: v.standardSets,
        opensOn: toIsoDate(v.dates[0]),
        closesOn: toIsoDate(v.dates[1]),
        manualIndicators: v.manualIndicators ?? [],
      });
      message.success(t('acc.opened'));
      await queryClient.invalidateQueries({ queryKey: ['acceptance'] });
      onClose();
      navigate(`/acceptance/campaigns/${created.id}`);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('acc.open')} onCancel={onClose} onOk={submit} confirmLoading={saving} width={640}>
      <Form form={form} layout="vertical" initialValues={{ year: thisYear(), manualIndicators: [] }}>
        <Form.Item name="year" label={t('acc.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label={t('acc.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="standardSets" label={t('acc.standardSets')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={sets.isLoading}
            options={(sets.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.name) }))}
          />
        </Form.Item>
        <Form.Item name="dates" label={`${t('acc.opensOn')} – ${t('acc.closesOn')}`} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.List name="manualIndicators">
          {(fields, { add, remove }) => (
            <Form.Item label={t('acc.manualIndicators')}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true, pattern: /^M[0-9]{1,3}$/ }]}>
                    <Input placeholder="M1" style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true }]}>
                    <Input placeholder={t('acc.manualTitle')} style={{ width: 380 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: `M${fields.length + 1}`, title: '' })}
              >
                {t('acc.addManual')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
