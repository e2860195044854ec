/**
 * 发展对象档案: the cases of an org subtree, filtered by stage and by name or code, with the cases
 * that have open findings (stuck or late) marked; a row opens the case. Filters live in the
 * address so the board links straight to a stage.
 */
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PersonPicker } from '../components/PersonPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { createCase, type DevCaseItem, useCases } from './api.ts';
import { devStages, stageColor, stageName, stepName } from './names.ts';

type NewCase = {
  orgId: string;
  who: 'existing' | 'new';
  personId?: string;
  person?: { code: string; name: string; gender?: string; birthDate?: Dayjs; personCategory: string };
  on: Dayjs;
};

/**
 * Opens a case with the application: for someone already on record (a student or staff member
 * imported with the roster) or a new person typed in here. The birth date is needed for DEV-01.
 */
function NewCaseModal({ open, onClose, orgId }: { open: boolean; onClose: () => void; orgId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewCase>();
  const who = Form.useWatch('who', form);
  const [saving, setSaving] = useState(false);
  const submit = async (v: NewCase) => {
    setSaving(true);
    try {
      const person = v.person
        ? { ...v.person, gender: v.person.gender || null, birthDate: v.person.birthDate?.format('YYYY-MM-DD') ?? null }
        : undefined;
      const created = await createCase({
        orgId: v.orgId,
        ...(v.who === 'new' ? { person } : { personId: v.personId }),
        on: v.on.format('YYYY-MM-DD'),
      });
      message.success(t('dev.created'));
      await queryClient.invalidateQueries({ queryKey: ['development'] });
      onClose();
      navigate(`/development/cases/${created.id}`);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('dev.newCase')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form<NewCase>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgId, on: dayjs(), who: 'existing', person: { personCategory: 'student' } }}
        preserve={false}
      >
        <Form.Item name="orgId" label={t('dev.branch')} rules={[{ required: true }]}>
          <OrgPicker kinds={['branch']} withinRoots={abilities.writeRoots} />
        </Form.Item>
        <Form.Item name="who">
          <Radio.Group
            options={[
              { value: 'existing', label: t('dev.existingPerson') },
              { value: 'new', label: t('dev.newPerson') },
            ]}
          />
        </Form.Item>
        {who === 'new' ? (
          <Row gutter={8}>
            <Col xs={12}>
              <Form.Item name={['person', 'code']} label={t('member.code')} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name={['person', 'name']} label={t('member.name')} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item
                name={['person', 'personCategory']}
                label={t('member.personCategory')}
                rules={[{ required: true }]}
              >
                <Select
                  options={['student', 'staff'].map((c) => ({ value: c, label: t.label('personCategory', c) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name={['person', 'gender']} label={t('member.gender')}>
                <Select
                  allowClear
                  options={['male', 'female'].map((g) => ({ value: g, label: t.label('gender', g) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['person', 'birthDate']} label={t('member.birthDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item name="personId" label={t('dev.person')} rules={[{ required: true }]}>
            <PersonPicker placeholder={t('member.searchPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="on" label={t('dev.applicationOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CaseListPage() {
  const { t, locale } = useI18n();
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const [creating, setCreating] = useState(false);
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const stage = params.get('stage') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const cases = useCases({ orgId, stage, q, page, pageSize: 50 }, Boolean(orgId));

  const columns = [
    { title: t('dev.code'), key: 'code', width: 100, render: (_: unknown, r: DevCaseItem) => r.person.code },
    {
      title: t('dev.person'),
      key: 'name',
      render: (_: unknown, r: DevCaseItem) => (
        <Link to={`/development/cases/${r.id}`}>
          {r.person.name}
          {r.openFindings > 0 && <WarningOutlined style={{ color: '#d4380d', marginInlineStart: 4 }} />}
        </Link>
      ),
    },
    { title: t('dev.branch'), key: 'org', render: (_: unknown, r: DevCaseItem) => r.org.name },
    {
      title: t('dev.stage'),
      key: 'stage',
      render: (_: unknown, r: DevCaseItem) => <Tag color={stageColor[r.stage]}>{stageName(r.stage, locale)}</Tag>,
    },
    { title: t('dev.applicationOn'), dataIndex: 'appliedOn', key: 'appliedOn', width: 110 },
    {
      title: t('dev.lastStep'),
      key: 'last',
      render: (_: unknown, r: DevCaseItem) =>
        r.lastStep ? `${stepName(r.lastStep.step, locale)} ${r.lastStep.on}` : '—',
    },
    {
      title: t('dev.flagged'),
      key: 'flag',
      width: 90,
      render: (_: unknown, r: DevCaseItem) => (r.openFindings > 0 ? <Tag color="red">{r.openFindings}</Tag> : null),
    },
  ];

  return (
    <Card
      title={t('dev.casesTitle')}
      extra={
        abilities.writes && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('dev.newCase')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={10}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => set({ orgId: v })}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
        <Col xs={12} md={6}>
          <Select
            aria-label={t('dev.stage')}
            allowClear
            placeholder={t('dev.stageAll')}
            value={stage}
            onChange={(v) => set({ stage: v })}
            options={devStages.map((s) => ({ value: s, label: stageName(s, locale) }))}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={8}>
          <Input.Search
            aria-label={t('dev.search')}
            placeholder={t('dev.search')}
            defaultValue={q}
            allowClear
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Col>
      </Row>
      <QueryState query={cases}>
        {() => (
          <>
            <Typography.Paragraph type="secondary">
              {t('dev.total.cases', { total: cases.data?.total ?? 0 })}
            </Typography.Paragraph>
            <Table<DevCaseItem>
              rowKey="id"
              size="small"
              scroll={{ x: 760 }}
              dataSource={cases.data?.items ?? []}
              columns={columns}
              onRow={(r) => ({ onDoubleClick: () => navigate(`/development/cases/${r.id}`) })}
              pagination={{
                current: page,
                pageSize: 50,
                total: cases.data?.total ?? 0,
                showSizeChanger: false,
                onChange: (p) => set({ page: String(p) }),
              }}
            />
          </>
        )}
      </QueryState>
      <NewCaseModal open={creating} onClose={() => setCreating(false)} orgId={orgId} />
    </Card>
  );
}
