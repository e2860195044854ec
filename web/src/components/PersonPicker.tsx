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
};

export function PersonPicker({ id, value, onChange, placeholder, orgId }: Props) {
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
      onChange={(v) =>
        onChange?.(
          v ?? null,
          items.find((p) => p.id === v),
        )
      }
      options={items.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.code}）${p.membership ? ` · ${p.membership.orgName}` : ''}`,
      }))}
    />
  );
}
