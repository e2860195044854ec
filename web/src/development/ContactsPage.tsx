/**
 * 书记联系入党积极分子 (DEV-14): which secretary of the college or of a teacher branch keeps in
 * contact with each (young-teacher) activist or candidate, from when to when. A college picks the
 * person and the secretary and the first day; a contact ends on a day. The server checks that the
 * secretary held such a seat on the first day and that the person is an activist or candidate.
 */
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
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
  Row,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useCases } from './api.ts';
import { stageName } from './names.ts';
import { PeoplePicker } from './PeoplePicker.tsx';
import { usePlanOverview } from './plans-api.ts';
import { createContact, type DevContact, updateContact, useContacts } from './pool-api.ts';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

/** Activists and candidates of the college, searched by name or code. */
function CasePicker({
  id,
  collegeId,
  value,
  onChange,
}: {
  id?: string;
  collegeId: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const { locale } = useI18n();
  const [q, setQ] = useState('');
  const filters = { orgId: collegeId, q: q || undefined, pageSize: 50 };
  const activists = useCases({ ...filters, stage: 'activist' });
  const candidates = useCases({ ...filters, stage: 'candidate' });
  const options = [...(activists.data?.items ?? []), ...(candidates.data?.items ?? [])].map((c) => ({
    value: c.id,
    label: `${c.person.name}（${c.person.code}）· ${stageName(c.stage, locale)} · ${c.org.name}`,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      loading={activists.isFetching || candidates.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

type NewContact = { caseId: string; secretary: string[]; fromOn: Dayjs; note?: string };

function AddModal({ collegeId, open, onClose }: { collegeId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewContact>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: NewContact) => {
    setSaving(true);
    try {
      await createContact({
        caseId: v.caseId,
        secretaryId: v.secretary[0],
        fromOn: v.fromOn.format('YYYY-MM-DD'),
        note: v.note?.trim() || null,
      });
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['development', 'contacts'] });
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('dev.addContact')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ fromOn: dayjs() }} preserve={false}>
        <Form.Item name="caseId" label={t('dev.contactPerson')} rules={[{ required: true }]}>
          <CasePicker collegeId={collegeId} />
        </Form.Item>
        <Form.Item
          name="secretary"
          label={t('dev.contactSecretary')}
          rules={[{ required: true, type: 'array', min: 1 }]}
          extra={t('dev.contactSecretaryHint')}
        >
          <PeoplePicker max={1} orgId={collegeId} />
        </Form.Item>
        <Form.Item name="fromOn" label={t('dev.contactFrom')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('dev.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EndModal({ contact, onClose }: { contact: DevContact | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ toOn: Dayjs }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ toOn }: { toOn: Dayjs }) => {
    if (!contact) return;
    setSaving(true);
    try {
      await updateContact(contact.id, { version: contact.version, toOn: toOn.format('YYYY-MM-DD') });
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['development', 'contacts'] });
      onClose();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={Boolean(contact)}
      title={contact ? t('dev.endContactOf', { person: contact.personName, secretary: contact.secretaryName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ toOn: dayjs() }} preserve={false}>
        <Form.Item name="toOn" label={t('dev.contactTo')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ContactsPage() {
  const { t, locale } = useI18n();
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const current = params.get('current') === '1';
  // Contacts belong to a college-level organization: those under the org, as the plans list them.
  const colleges = usePlanOverview(orgId, thisYear());
  const collegeRows = colleges.data?.items ?? [];
  const collegeId = collegeRows.find((c) => c.orgId === params.get('college'))?.orgId ?? collegeRows[0]?.orgId;
  const contacts = useContacts(collegeId, current);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<DevContact | null>(null);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'orgId') next.delete('college');
    setParams(next, { replace: true });
  };
  const rows = contacts.data?.items ?? [];

  const columns = [
    {
      title: t('dev.contactPerson'),
      key: 'person',
      render: (_: unknown, r: DevContact) => (
        <Link to={`/development/cases/${r.caseId}`}>{`${r.personName}（${r.personCode}）`}</Link>
      ),
    },
    { title: t('dev.stage'), key: 'stage', render: (_: unknown, r: DevContact) => stageName(r.stage, locale) },
    { title: t('dev.branch'), dataIndex: 'branchName', key: 'branch' },
    { title: t('dev.contactSecretary'), dataIndex: 'secretaryName', key: 'secretary' },
    { title: t('dev.contactFrom'), dataIndex: 'fromOn', key: 'from' },
    {
      title: t('dev.contactTo'),
      key: 'to',
      render: (_: unknown, r: DevContact) => r.toOn ?? <Tag color="green">{t('dev.contactOngoing')}</Tag>,
    },
    { title: t('dev.note'), dataIndex: 'note', key: 'note' },
    ...(abilities.writes
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: DevContact) =>
              r.toOn ? null : (
                <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(r)}>
                  {t('dev.endContact')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('dev.contactsTitle')}
      extra={
        abilities.writes && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!collegeId || colleges.isPlaceholderData}
            onClick={() => setAdding(true)}
          >
            {t('dev.addContact')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} align="middle">
        <Col xs={24} md={10}>
          <OrgPicker
            aria-label={t('dev.org')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            placeholder={t('dev.pickOrg')}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            aria-label={t('dev.college')}
            value={collegeId}
            onChange={(v: string) => set('college', v)}
            options={collegeRows.map((c) => ({ value: c.orgId, label: c.orgName }))}
            placeholder={t('dev.college')}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={6}>
          <Switch checked={current} onChange={(on) => set('current', on ? '1' : undefined)} />{' '}
          <Typography.Text>{t('dev.contactsCurrent')}</Typography.Text>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('dev.contactsHint')}</Typography.Paragraph>
      <QueryState query={contacts}>
        {() => (
          <Table<DevContact>
            data-testid="dev-contacts"
            rowKey="id"
            size="small"
            scroll={{ x: 800 }}
            dataSource={rows}
            columns={columns}
            locale={{ emptyText: t('dev.contactsEmpty') }}
            pagination={rows.length > 50 ? { pageSize: 50 } : false}
          />
        )}
      </QueryState>
      {collegeId && <AddModal collegeId={collegeId} open={adding} onClose={() => setAdding(false)} />}
      <EndModal contact={ending} onClose={() => setEnding(null)} />
    </Card>
  );
}
