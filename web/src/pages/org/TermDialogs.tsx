/** Writing terms and seats: a new term with its seats, a seat added to a term, a seat ended. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Col, DatePicker, Form, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Term } from '../../api/types.ts';
import { showApiError, toIsoDate } from '../../components/forms.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';

export const positionRoles = [
  'secretary',
  'deputySecretary',
  'organizationMember',
  'propagandaMember',
  'disciplineMember',
  'member',
  'groupLeader',
] as const;

type Seat = { role?: string; personId?: string; validFrom?: Dayjs; dualLeader?: boolean };
type TermValues = { electedOn: Dayjs; endsOn: Dayjs; positions: Seat[] };

// Seat holders are looked up across the caller's scope: a new branch has no members of its own yet.
function SeatFields({ name, first }: { name: number; first: boolean }) {
  const { t } = useI18n();
  return (
    <Row gutter={8} style={{ flex: 1, minWidth: 0 }}>
      <Col xs={24} sm={6}>
        <Form.Item label={first ? t('term.role') : undefined} name={[name, 'role']} rules={[{ required: true }]}>
          <Select
            aria-label={t('term.role')}
            options={positionRoles.map((r) => ({ value: r, label: t.label('position', r) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={9}>
        <Form.Item label={first ? t('term.person') : undefined} name={[name, 'personId']} rules={[{ required: true }]}>
          <PersonPicker placeholder={t('accounts.personSearch')} />
        </Form.Item>
      </Col>
      <Col xs={14} sm={5}>
        <Form.Item label={first ? t('term.from') : undefined} name={[name, 'validFrom']} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={10} sm={4}>
        <Form.Item label={first ? ' ' : undefined} name={[name, 'dualLeader']} valuePropName="checked">
          <Checkbox>{t('term.dualLeader')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

const seatOut = (s: Seat) => ({
  role: s.role,
  personId: s.personId,
  validFrom: toIsoDate(s.validFrom),
  dualLeader: !!s.dualLeader,
});

export function NewTermDialog({ orgId, onClose, onDone }: { orgId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<TermValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: TermValues) => {
    setBusy(true);
    try {
      await api.post(`/orgs/${orgId}/terms`, {
        electedOn: toIsoDate(v.electedOn),
        endsOn: toIsoDate(v.endsOn),
        positions: (v.positions ?? []).map(seatOut),
      });
      message.success(t('common.saved'));
      onDone();
    } catch (e) {
      showApiError(e, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('term.add')}
      width={860}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<TermValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          electedOn: dayjs(),
          endsOn: dayjs().add(3, 'year'),
          positions: [{ role: 'secretary', validFrom: dayjs() }],
        }}
        onValuesChange={(changed) => {
          // Seats start on election day unless said otherwise.
          if (changed.electedOn) {
            const seats = (form.getFieldValue('positions') ?? []) as Seat[];
            form.setFieldValue(
              'positions',
              seats.map((s) => ({ ...s, validFrom: changed.electedOn })),
            );
          }
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label={t('term.electedOn')} name="electedOn" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('term.endsOn')} name="endsOn" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="positions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <SeatFields name={f.name} first={i === 0} />
                  <Button
                    type="text"
                    aria-label="remove"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: i === 0 ? 30 : 0 }}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ validFrom: form.getFieldValue('electedOn') })}
              >
                {t('term.addPosition')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export function AddSeatDialog({ term, onClose, onDone }: { term: Term; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ seat: Seat[] }>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { seat: Seat[] }) => {
    setBusy(true);
    try {
      await api.post(`/terms/${term.id}/positions`, seatOut(v.seat[0]));
      message.success(t('common.saved'));
      onDone();
    } catch (e) {
      showApiError(e, message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('term.addPosition')}
      width={760}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ seat: [{ role: term.vacantRoles[0] ?? 'organizationMember', validFrom: dayjs() }] }}
      >
        <Form.List name="seat">{(fields) => <SeatFields name={fields[0].name} first />}</Form.List>
      </Form>
    </Modal>
  );
}
