/** Finds a person by name, code or pinyin initials (GET /people?q=) for linking to an account or a seat. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Page, PersonListItem } from '../api/types.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null, person?: PersonListItem) => void;
  placeholder?: string;
  orgId?: string;
  /** Called with the whole person when one is chosen (Form.Item owns onChange). */
  onPicked?: (person: PersonListItem | undefined) => void;
};

export function PersonPicker({ id, value, onChange, placeholder, orgId, onPicked }: Props) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['people', 'picker', q, orgId],
    queryFn: () => api.get<Page<PersonListItem>>('/people', { q: q || undefined, orgId, pageSize: 20 }),
  });
  const items = list.data?.items ?? [];
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={list.isFetching}
      onChange={(v) => {
        const person = items.find((p) => p.id === v);
        onChange?.(v ?? null, person);
        onPicked?.(person);
      }}
      options={items.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.code}）${p.membership ? ` · ${p.membership.orgName}` : ''}`,
      }))}
    />
  );
}
