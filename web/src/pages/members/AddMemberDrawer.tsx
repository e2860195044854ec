/** 新增党员: person fields plus, optionally, the first membership in a branch of the writer's scope. */
import { App as AntApp, Button, Col, DatePicker, Divider, Drawer, Form, Row, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { PersonDetail } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { blankToNull, showApiError, toIsoDate } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { features } from '../../features.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupPicker } from './GroupPicker.tsx';
import { optionsOf, standings, statuses } from './options.ts';
import { PersonFields } from './PersonFields.tsx';

type Values = {
  code: string;
  name: string;
  gender?: string;
  birthDate?: Dayjs | null;
  personCategory: string;
  unit?: string;
  title?: string;
  leadingCadre?: boolean;
  phone?: string;
  email?: string;
  withMembership: boolean;
  membership?: {
    orgId: string;
    groupId?: string | null;
    status: string;
    standing?: string;
    joinedOn?: Dayjs | null;
    confirmedOn?: Dayjs | null;
    validFrom: Dayjs;
  };
};

export function AddMemberDrawer({
  open,
  onClose,
  onCreated,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (detail: PersonDetail) => void;
  defaultOrgId?: string | null;
}) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const withMembership = Form.useWatch('withMembership', form);
  const branchId = Form.useWatch(['membership', 'orgId'], form);
  const status = Form.useWatch(['membership', 'status'], form);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const { withMembership: wm, membership, birthDate, ...person } = v;
      const body = {
        ...blankToNull(person),
        leadingCadre: !!person.leadingCadre,
        birthDate: toIsoDate(birthDate),
        membership:
          wm && membership
            ? {
                orgId: membership.orgId,
                groupId: membership.groupId ?? null,
                status: membership.status,
                standing: membership.standing ?? 'normal',
                joinedOn: toIsoDate(membership.joinedOn),
                confirmedOn: membership.status === 'full' ? toIsoDate(membership.confirmedOn) : null,
                validFrom: toIsoDate(membership.validFrom),
              }
            : undefined,
      };
      const detail = await api.post<PersonDetail>('/people', body);
      message.success(t('member.created'));
      form.resetFields();
      onCreated(detail);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={t('member.add')}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={{
          personCategory: 'staff',
          leadingCadre: false,
          withMembership: features.orgs,
          membership: { orgId: defaultOrgId ?? undefined, status: 'full', standing: 'normal', validFrom: dayjs() },
        }}
      >
        <Divider titlePlacement="start">{t('member.personSection')}</Divider>
        <PersonFields />
        {features.orgs && <Divider titlePlacement="start">{t('member.membershipSection')}</Divider>}
        <Form.Item
          name="withMembership"
          valuePropName="checked"
          label={t('member.withMembership')}
          hidden={!features.orgs}
        >
          <Switch />
        </Form.Item>
        {withMembership && (
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.org')} name={['membership', 'orgId']} rules={[{ required: true }]}>
                <OrgPicker
                  kinds={['branch']}
                  withinRoots={abilities.roles.includes('platformAdmin') ? undefined : abilities.writeRoots}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.group')} name={['membership', 'groupId']}>
                <GroupPicker branchId={branchId} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.status')} name={['membership', 'status']} rules={[{ required: true }]}>
                <Select options={optionsOf(t, 'status', statuses)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.standing')} name={['membership', 'standing']}>
                <Select options={optionsOf(t, 'standing', standings)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.joinedOn')} name={['membership', 'joinedOn']}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {status === 'full' && (
              <Col xs={24} sm={12}>
                <Form.Item label={t('member.confirmedOn')} name={['membership', 'confirmedOn']}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12}>
              <Form.Item label={t('member.validFrom')} name={['membership', 'validFrom']} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Drawer>
  );
}
