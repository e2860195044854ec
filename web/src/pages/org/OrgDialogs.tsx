/**
 * The write dialogs of an org: edit (incl. rename), move, dissolve, add a sub-organization. Each
 * sends the version read and an effective date, so the tree keeps its history.
 */

import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Col, DatePicker, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Org, OrgKind } from '../../api/types.ts';
import { fromIsoDate, showApiError, toIsoDate } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { branchCategories, subkinds } from './labels.tsx';

export type DialogKind = 'edit' | 'rename' | 'move' | 'dissolve' | 'addChild';

type TemporaryValues = { approvedOn?: Dayjs | null; approvedBy?: string; endsOn?: Dayjs | null; purpose?: string };
type Values = {
  effectiveOn: Dayjs;
  name?: string;
  code?: string;
  kind?: OrgKind;
  subkind?: string | null;
  branchCategory?: string | null;
  jointUnits?: string[];
  isTemporary?: boolean;
  temporary?: TemporaryValues;
  parentId?: string;
};

const parentKinds: Record<OrgKind, OrgKind[]> = {
  university: [],
  college: ['university'],
  branch: ['university', 'college'],
  group: ['branch'],
};
const childKinds: Record<OrgKind, OrgKind[]> = {
  university: ['college', 'branch'],
  college: ['branch'],
  branch: ['group'],
  group: [],
};

function temporaryOut(v: Values) {
  if (!v.isTemporary || !v.temporary) return null;
  return {
    approvedOn: toIsoDate(v.temporary.approvedOn),
    approvedBy: v.temporary.approvedBy?.trim() || null,
    endsOn: toIsoDate(v.temporary.endsOn),
    purpose: v.temporary.purpose?.trim() || null,
  };
}

function BranchExtras({ isTemporary }: { isTemporary?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item label={t('org.jointUnits')} name="jointUnits">
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
      </Form.Item>
      <Form.Item label={t('org.temporary')} name="isTemporary" valuePropName="checked">
        <Switch />
      </Form.Item>
      {isTemporary && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('org.temporary.approvedOn')}
              name={['temporary', 'approvedOn']}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.temporary.endsOn')} name={['temporary', 'endsOn']} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.temporary.approvedBy')} name={['temporary', 'approvedBy']}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('org.temporary.purpose')} name={['temporary', 'purpose']}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

export function OrgDialog({
  kind,
  org,
  onClose,
  onDone,
}: {
  kind: DialogKind;
  org: Org;
  onClose: () => void;
  onDone: (result: unknown) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const isTemporary = Form.useWatch('isTemporary', form);
  const childKind = Form.useWatch('kind', form);

  const titles: Record<DialogKind, string> = {
    edit: t('org.edit'),
    rename: t('org.rename'),
    move: t('org.move'),
    dissolve: t('org.dissolve'),
    addChild: t('org.addChild'),
  };

  const submit = async (v: Values) => {
    setBusy(true);
    const effectiveOn = toIsoDate(v.effectiveOn);
    try {
      let result: unknown;
      if (kind === 'edit') {
        result = await api.patch(`/orgs/${org.id}`, {
          version: org.version,
          effectiveOn,
          name: v.name?.trim(),
          ...(org.kind === 'college' ? { subkind: v.subkind } : {}),
          ...(org.kind === 'branch'
            ? { branchCategory: v.branchCategory, jointUnits: v.jointUnits ?? [], temporary: temporaryOut(v) }
            : {}),
        });
      } else if (kind === 'rename') {
        result = await api.patch(`/orgs/${org.id}`, { version: org.version, effectiveOn, name: v.name?.trim() });
      } else if (kind === 'move') {
        result = await api.post(`/orgs/${org.id}/move`, { version: org.version, effectiveOn, parentId: v.parentId });
      } else if (kind === 'dissolve') {
        result = await api.post(`/orgs/${org.id}/dissolve`, { version: org.version, effectiveOn });
      } else {
        result = await api.post('/orgs', {
          parentId: org.id,
          kind: v.kind,
          code: v.code?.trim(),
          name: v.name?.trim(),
          validFrom: effectiveOn,
          ...(v.kind === 'college' ? { subkind: v.subkind } : {}),
          ...(v.kind === 'branch'
            ? { branchCategory: v.branchCategory, jointUnits: v.jointUnits ?? [], temporary: temporaryOut(v) }
            : {}),
        });
      }
      message.success(t('common.saved'));
      onDone(result);
    } catch (e) {
      showApiError(e, message, form);
      if (e instanceof ApiError && e.status === 409) queryClient.invalidateQueries({ queryKey: ['orgs'] });
    } finally {
      setBusy(false);
    }
  };

  const temp = org.temporary;
  const initial: Partial<Values> =
    kind === 'addChild'
      ? { effectiveOn: dayjs(), kind: childKinds[org.kind][0], jointUnits: [], isTemporary: false }
      : {
          effectiveOn: dayjs(),
          name: org.name,
          subkind: org.subkind,
          branchCategory: org.branchCategory,
          jointUnits: org.jointUnits ?? [],
          isTemporary: !!temp,
          temporary: temp
            ? {
                approvedOn: fromIsoDate(temp.approvedOn),
                approvedBy: temp.approvedBy,
                endsOn: fromIsoDate(temp.endsOn),
                purpose: temp.purpose,
              }
            : undefined,
        };

  const shownKind = kind === 'addChild' ? childKind : org.kind;

  return (
    <Modal
      open
      title={`${titles[kind]} · ${org.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={kind === 'dissolve' ? t('org.dissolve') : t('common.save')}
      okButtonProps={{ danger: kind === 'dissolve' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={600}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {kind === 'dissolve' && (
          <Typography.Paragraph type="danger">{t('org.dissolveConfirm', { name: org.name })}</Typography.Paragraph>
        )}
        {kind === 'addChild' && (
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true }]}>
                <Select options={childKinds[org.kind].map((k) => ({ value: k, label: t.label('kind', k) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('org.code')} name="code" rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {(kind === 'edit' || kind === 'rename' || kind === 'addChild') && (
          <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {(kind === 'edit' || kind === 'addChild') && shownKind === 'college' && (
          <Form.Item label={t('org.subkind')} name="subkind" rules={[{ required: true }]}>
            <Select options={subkinds.map((s) => ({ value: s, label: t.label('subkind', s) }))} />
          </Form.Item>
        )}
        {(kind === 'edit' || kind === 'addChild') && shownKind === 'branch' && (
          <>
            <Form.Item label={t('org.branchCategory')} name="branchCategory" rules={[{ required: true }]}>
              <Select options={branchCategories.map((c) => ({ value: c, label: t.label('category', c) }))} />
            </Form.Item>
            <BranchExtras isTemporary={isTemporary} />
          </>
        )}
        {kind === 'move' && (
          <Form.Item label={t('org.newParent')} name="parentId" rules={[{ required: true }]}>
            <OrgPicker kinds={parentKinds[org.kind]} />
          </Form.Item>
        )}
        <Form.Item
          label={kind === 'addChild' ? t('org.validFrom') : t('common.effectiveOn')}
          name="effectiveOn"
          rules={[{ required: true }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
