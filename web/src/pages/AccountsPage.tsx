/**
 * 账号管理: accounts in the caller's scope; create with role and org (the generated password is
 * shown once), disable or enable, reset the password, revoke a grant.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Account, Items, Role } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PersonPicker } from '../components/PersonPicker.tsx';
import { features } from '../features.ts';
import { useI18n } from '../i18n/index.tsx';

/** Mirrors src/modules/accounts/policy.ts so the form offers only what the server accepts. */
const grantableBy: Record<Role, Role[]> = {
  platformAdmin: [
    'platformAdmin',
    'oversightViewer',
    'orgDepartmentAdmin',
    'collegeAdmin',
    'branchSecretary',
    'member',
  ],
  orgDepartmentAdmin: ['orgDepartmentAdmin', 'collegeAdmin', 'branchSecretary', 'member'],
  collegeAdmin: ['branchSecretary', 'member'],
  branchSecretary: ['member'],
  oversightViewer: [],
  member: [],
};
const orgKindOfRole: Partial<Record<Role, 'university' | 'college' | 'branch'>> = {
  orgDepartmentAdmin: 'university',
  collegeAdmin: 'college',
  branchSecretary: 'branch',
  member: 'branch',
};

/** Roles this account may hand out; org-bound ones need the org tree to pick where. */
const grantableRoles = (mine: Role[]) =>
  [...new Set(mine.flatMap((r) => grantableBy[r]))].filter((r) => features.orgs || !orgKindOfRole[r]);

type GrantValues = { role?: Role; orgId?: string; oversightBodyId?: string };
type CreateValues = { username: string; displayName: string; personId?: string | null; grants: GrantValues[] };

function OversightBodyPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const list = useQuery({
    queryKey: ['oversight-bodies'],
    queryFn: () => api.get<Items<{ id: string; code: string; name: string }>>('/oversight-bodies'),
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={list.isLoading}
      options={(list.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
    />
  );
}

function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (a: Account, password: string) => void;
}) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const grants = Form.useWatch('grants', form) ?? [];
  const roles = grantableRoles(abilities.roles);

  const submit = async (v: CreateValues) => {
    setBusy(true);
    try {
      const body = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        personId: v.personId ?? null,
        grants: v.grants.map((g) => ({
          role: g.role,
          orgId: g.role && orgKindOfRole[g.role] ? g.orgId : null,
          oversightBodyId: g.role === 'oversightViewer' ? g.oversightBodyId : null,
        })),
      };
      const res = await api.post<{ account: Account; password: string }>('/accounts', body);
      form.resetFields();
      onCreated(res.account, res.password);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('accounts.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ grants: [{ role: roles.includes('member') ? 'member' : roles[0] }] }}
      >
        <Form.Item
          label={t('accounts.username')}
          name="username"
          rules={[{ required: true, whitespace: true, min: 3 }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={t('accounts.displayName')} name="displayName" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('accounts.person')} name="personId">
          <PersonPicker
            placeholder={t('accounts.personSearch')}
            onPicked={(person) => {
              // A member account belongs to the person's own branch; the name is theirs too.
              if (!person) return;
              if (!form.getFieldValue('displayName')) form.setFieldValue('displayName', person.name);
              const list = (form.getFieldValue('grants') ?? []) as GrantValues[];
              form.setFieldValue(
                'grants',
                list.map((g) =>
                  g.role === 'member' && !g.orgId && person.membership ? { ...g, orgId: person.membership.orgId } : g,
                ),
              );
            }}
          />
        </Form.Item>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => {
                const role = grants[i]?.role;
                const kind = role ? orgKindOfRole[role] : undefined;
                return (
                  <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                    <Form.Item
                      label={i === 0 ? t('accounts.role') : undefined}
                      name={[field.name, 'role']}
                      rules={[{ required: true }]}
                    >
                      <Select
                        aria-label={t('accounts.role')}
                        style={{ width: 200 }}
                        options={roles.map((r) => ({ value: r, label: t.label('role', r) }))}
                      />
                    </Form.Item>
                    {kind && (
                      <Form.Item
                        label={i === 0 ? t('accounts.org') : undefined}
                        name={[field.name, 'orgId']}
                        rules={[{ required: true }]}
                      >
                        <OrgPicker aria-label={t('accounts.org')} kinds={[kind]} style={{ width: 300 }} />
                      </Form.Item>
                    )}
                    {role === 'oversightViewer' && (
                      <Form.Item
                        label={i === 0 ? t('entity.oversightBody') : undefined}
                        name={[field.name, 'oversightBodyId']}
                        rules={[{ required: true }]}
                      >
                        <OversightBodyPicker />
                      </Form.Item>
                    )}
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        aria-label="remove"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: i === 0 ? 30 : 0 }}
                      />
                    )}
                  </Space>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: roles[roles.length - 1] })}>
                {t('accounts.grants')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function AccountsPage() {
  const { t } = useI18n();
  const { account: me, abilities } = useSession();
  const mayCreate = grantableRoles(abilities.roles).length > 0;
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ title: string; username: string; password: string } | null>(null);
  const list = useQuery({
    queryKey: ['accounts', q],
    queryFn: () => api.get<Items<Account>>('/accounts', { q: q || undefined }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['accounts'] });

  const toggle = async (a: Account) => {
    try {
      await api.patch(`/accounts/${a.id}`, { version: a.version, disabled: !a.disabled });
      message.success(t('common.saved'));
      refresh();
    } catch (e) {
      showApiError(e, message);
      refresh();
    }
  };

  const reset = (a: Account) =>
    modal.confirm({
      title: t('accounts.resetPassword'),
      content: t('accounts.resetConfirm', { name: a.displayName }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const res = await api.post<{ password: string }>(`/accounts/${a.id}/reset-password`);
          setShown({ title: t('accounts.newPassword'), username: a.username, password: res.password });
        } catch (e) {
          showApiError(e, message);
        }
      },
    });

  const revoke = async (a: Account, grantId: string) => {
    try {
      await api.del(`/accounts/${a.id}/grants/${grantId}`);
      refresh();
    } catch (e) {
      showApiError(e, message);
    }
  };

  const columns: ColumnsType<Account> = [
    { title: t('accounts.username'), dataIndex: 'username' },
    { title: t('accounts.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.person'), dataIndex: 'personName', render: (n) => n ?? '—' },
    {
      title: t('accounts.grants'),
      key: 'grants',
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          {a.grants.map((g) => (
            <Tag
              key={g.id}
              color="red"
              closable={a.id !== me?.id && a.grants.length > 1}
              onClose={(e) => {
                e.preventDefault();
                revoke(a, g.id);
              }}
            >
              {t.label('role', g.role)}
              {g.orgName ? ` · ${g.orgName}` : g.oversightBodyName ? ` · ${g.oversightBodyName}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('accounts.state'),
      dataIndex: 'disabled',
      width: 90,
      render: (d) => (d ? <Tag>{t('accounts.disabled')}</Tag> : <Tag color="green">{t('accounts.active')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) =>
        a.id === me?.id ? null : (
          <Space size={0} wrap>
            <Popconfirm
              title={a.disabled ? t('accounts.enable') : t('accounts.disable')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => toggle(a)}
            >
              <Button type="link" size="small">
                {a.disabled ? t('accounts.enable') : t('accounts.disable')}
              </Button>
            </Popconfirm>
            <Button type="link" size="small" onClick={() => reset(a)}>
              {t('accounts.resetPassword')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <Card
      title={t('accounts.title')}
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <Input.Search
        aria-label={t('accounts.search')}
        placeholder={t('accounts.search')}
        allowClear
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 320, marginBottom: 16 }}
      />
      <Table<Account>
        data-testid="account-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        locale={list.isError ? { emptyText: (list.error as Error).message } : undefined}
        pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { n }) }}
      />
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(a, password) => {
          setCreating(false);
          setShown({ title: t('accounts.generated'), username: a.username, password });
          refresh();
        }}
      />
      <Modal
        open={!!shown}
        title={shown?.title}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            {t('common.close')}
          </Button>
        }
      >
        {shown && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('accounts.onceWarning')} />
            <div>
              {t('accounts.username')}：<Typography.Text strong>{shown.username}</Typography.Text>
            </div>
            <div>
              {t('login.password')}：
              <Typography.Text code copyable data-testid="generated-password" style={{ fontSize: 18 }}>
                {shown.password}
              </Typography.Text>
            </div>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
