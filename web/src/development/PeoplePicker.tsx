/**
 * Picks one or more people by name, code or initials (GET /people?q=): who talked, mentors,
 * sponsors. `fullOnly` offers full members only — the rule for mentors and sponsors — and the
 * server checks it again on the step's date.
 */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Page, PersonListItem } from '../api/types.ts';

type Props = {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Branch whose members are offered first (the list searches the whole scope once typed). */
  orgId?: string;
  fullOnly?: boolean;
  max?: number;
  placeholder?: string;
  /** People already known by name (from the case), so chosen ids always show a name. */
  known?: { id: string; name: string; code?: string }[];
};

export function PeoplePicker({ id, value, onChange, orgId, fullOnly, max, placeholder, known }: Props) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['people', 'dev-picker', q, q ? null : orgId, fullOnly],
    queryFn: () =>
      api.get<Page<PersonListItem>>('/people', {
        q: q || undefined,
        orgId: q ? undefined : orgId,
        status: fullOnly ? 'full' : undefined,
        pageSize: 30,
      }),
  });
  const [seen, setSeen] = useState<Record<string, string>>({});
  const items = list.data?.items ?? [];
  const label = (p: { name: string; code?: string }) => (p.code ? `${p.name}（${p.code}）` : p.name);
  const options = items.map((p) => ({
    value: p.id,
    label: `${label(p)}${p.membership ? ` · ${p.membership.orgName}` : ''}`,
  }));
  // Chosen people stay labelled after the search moves on.
  const extra = (value ?? [])
    .filter((v) => !items.some((p) => p.id === v))
    .map((v) => {
      const k = known?.find((p) => p.id === v);
      return { value: v, label: k ? label(k) : (seen[v] ?? v) };
    });
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      value={value ?? []}
      maxCount={max}
      placeholder={placeholder}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(v: string[]) => {
        const names = { ...seen };
        for (const o of options) if (v.includes(o.value)) names[o.value] = o.label;
        setSeen(names);
        setQ('');
        onChange?.(v);
      }}
      options={[...options, ...extra]}
      style={{ width: '100%' }}
    />
  );
}
