/**
 * A person of an org (GET /people?orgId=&q=), searched by name, code or initials. Unlike the
 * general picker it keeps the label of a person already chosen who is not among the results.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, PersonListItem } from '../../api/types.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  orgId?: string;
  known?: { id: string; name: string };
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

export function MemberPicker({ id, value, onChange, orgId, known, placeholder, style, ...rest }: Props) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['people', 'picker', q, orgId],
    queryFn: () => api.get<Page<PersonListItem>>('/people', { q: q || undefined, orgId, pageSize: 30 }),
  });
  const options = (list.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }));
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: known.name });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      loading={list.isFetching}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      style={{ width: '100%', ...style }}
    />
  );
}
