/**
 * 变更组织关系: one dialog for the three changes that close the current interval and open the next
 * (move to another branch, confirm a probationary member, change standing) plus a group change.
 */
import { App as AntApp, DatePicker, Form, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { CurrentMembership, PersonDetail } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError, toIsoDate } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { features } from '../../features.ts';
import { useI18n } from '../../i18n/index.tsx';
import { GroupPicker } from './GroupPicker.tsx';
import { optionsOf, standings } from './options.ts';

type Kind = 'move' | 'confirm' | 'standing' | 'group';
type Values = {
  kind: Kind;
  effectiveOn: Dayjs;
  orgId?: string;
  groupId?: string | null;
  standing?: string;
  confirmedOn?: Dayjs;
};

export function ChangeMembershipModal({
  personId,
  membership,
  open,
  onClose,
  onDone,
}: {
  personId: string;
  membership: CurrentMembership;
  open: boolean;
  onClose: () => void;
  onDone: (d: PersonDetail) => void;
}) {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const orgId = Form.useWatch('orgId', form);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body: Record<string, unknown> = {
        effectiveOn: toIsoDate(v.effectiveOn),
        membershipVersion: membership.version,
      };
      if (v.kind === 'move') {
        body.orgId = v.orgId;
        body.groupId = v.groupId ?? null;
      } else if (v.kind === 'group') body.groupId = v.groupId ?? null;
      else if (v.kind === 'confirm') {
        body.status = 'full';
        body.confirmedOn = toIsoDate(v.confirmedOn ?? v.effectiveOn);
      } else body.standing = v.standing;
      const detail = await api.post<PersonDetail>(`/people/${personId}/membership`, body);
      message.success(t('common.saved'));
      onDone(detail);
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };

  // Confirmation first for a probationary member: it is the change they are waiting for.
  const kinds: { value: Kind; label: string }[] = [
    ...(membership.status === 'probationary' ? [{ value: 'confirm' as Kind, label: t('member.change.confirm') }] : []),
    ...(features.orgs
      ? [
          { value: 'move' as Kind, label: t('member.change.move') },
          { value: 'group' as Kind, label: t('member.change.group') },
        ]
      : []),
    { value: 'standing', label: t('member.change.standing') },
  ];

  return (
    <Modal
      title={t('member.changeMembership')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: kinds[0].value,
          effectiveOn: dayjs(),
          standing: membership.standing,
          groupId: membership.groupId,
        }}
      >
        <Form.Item label={t('member.changeKind')} name="kind">
          <Radio.Group options={kinds} optionType="button" />
        </Form.Item>
        <Form.Item label={t('common.effectiveOn')} name="effectiveOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'move' && (
          <>
            <Form.Item label={t('member.org')} name="orgId" rules={[{ required: true }]}>
              <OrgPicker
                kinds={['branch']}
                withinRoots={abilities.roles.includes('platformAdmin') ? undefined : abilities.writeRoots}
              />
            </Form.Item>
            <Form.Item label={t('member.group')} name="groupId">
              <GroupPicker branchId={orgId} />
            </Form.Item>
          </>
        )}
        {kind === 'group' && (
          <Form.Item label={t('member.group')} name="groupId">
            <GroupPicker branchId={membership.orgId} />
          </Form.Item>
        )}
        {kind === 'confirm' && (
          <Form.Item label={t('member.confirmedOn')} name="confirmedOn">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {kind === 'standing' && (
          <Form.Item label={t('member.standing')} name="standing" rules={[{ required: true }]}>
            <Select options={optionsOf(t, 'standing', standings)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
