/** The signed-in account: change password (the API says why a password is too weak), language. */
import { App as AntApp, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Locale } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { useI18n } from '../i18n/index.tsx';

type PasswordFields = { currentPassword: string; newPassword: string; confirmPassword: string };

export default function AccountPage() {
  const { t, locale, setLocale } = useI18n();
  const { account } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordFields>();
  const [busy, setBusy] = useState(false);

  const changePassword = async (values: PasswordFields) => {
    setBusy(true);
    try {
      await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('account.passwordChanged'));
      form.resetFields();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };

  const changeLocale = async (next: Locale) => {
    setLocale(next);
    try {
      await api.patch('/auth/preferences', { locale: next });
      message.success(next === 'zh-CN' ? '语言偏好已保存' : 'Language preference saved');
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('accounts.username')}>{account?.username}</Descriptions.Item>
              <Descriptions.Item label={t('accounts.displayName')}>{account?.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('account.roles')}>
                <Space wrap size={4}>
                  {[...new Set(account?.grants.map((g) => g.role))].map((r) => (
                    <Tag key={r} color="red">
                      {t.label('role', r)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('account.language')}>
            <Radio.Group
              aria-label={t('account.language')}
              value={locale}
              onChange={(e) => changeLocale(e.target.value)}
              options={[
                { value: 'zh-CN', label: '中文（简体）' },
                { value: 'en-US', label: 'English' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('account.changePassword')} style={{ maxWidth: 560 }}>
        <Form<PasswordFields> form={form} layout="vertical" onFinish={changePassword} disabled={busy}>
          <Form.Item label={t('account.currentPassword')} name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('account.newPassword')}
            name="newPassword"
            extra={t('account.passwordHint')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('account.confirmPassword')}
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
