/** For platform admins, who belong to no university: which university an action is for. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../api/client.ts';

type University = { id: string; code: string; name: string };

export function UniversityPicker({
  value,
  onChange,
  label,
}: {
  value?: string;
  onChange: (v: string | undefined) => void;
  label: string;
}) {
  const list = useQuery({
    queryKey: ['universities'],
    queryFn: () => api.get<{ items: University[] }>('/universities'),
  });
  return (
    <Select
      aria-label={label}
      placeholder={label}
      value={value}
      onChange={onChange}
      loading={list.isLoading}
      allowClear
      style={{ minWidth: 240 }}
      options={(list.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.code}）` }))}
    />
  );
}
