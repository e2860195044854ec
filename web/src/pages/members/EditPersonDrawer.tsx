/** Edits a person's fields, sending the version read; a 409 says someone else changed it first. */

import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Drawer, Form, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Person, PersonDetail } from '../../api/types.ts';
import { blankToNull, fromIsoDate, showApiError, toIsoDate } from '../../components/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PersonFields } from './PersonFields.tsx';

type Values = Omit<Person, 'id' | 'version' | 'birthDate'> & { birthDate: Dayjs | null };

export function EditPersonDrawer({
  person,
  open,
  onClose,
  onSaved,
}: {
  person: Person;
  open: boolean;
  onClose: () => void;
  onSaved: (d: PersonDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const { birthDate, ...rest } = v;
      const detail = await api.patch<PersonDetail>(`/people/${person.id}`, {
        ...blankToNull(rest),
        leadingCadre: !!rest.leadingCadre,
        birthDate: toIsoDate(birthDate),
        version: person.version,
      });
      message.success(t('common.saved'));
      onSaved(detail);
    } catch (e) {
      showApiError(e, message, form);
      if (e instanceof ApiError && e.status === 409) queryClient.invalidateQueries({ queryKey: ['person', person.id] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={`${t('common.edit')} · ${person.name}`}
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
          code: person.code,
          name: person.name,
          gender: person.gender,
          birthDate: fromIsoDate(person.birthDate),
          personCategory: person.personCategory,
          unit: person.unit,
          title: person.title,
          leadingCadre: person.leadingCadre,
          phone: person.phone,
          email: person.email,
        }}
      >
        <PersonFields />
      </Form>
    </Drawer>
  );
}
