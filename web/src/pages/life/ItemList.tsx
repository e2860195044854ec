/**
 * A plain list of title + description rows with an empty state and optional client-side paging
 * (antd's List is deprecated in v6; this is all these pages need of it).
 */
import { Empty, Pagination } from 'antd';
import { type ReactNode, useState } from 'react';

type Props<T> = {
  items: T[];
  rowKey: (item: T) => string;
  title: (item: T) => ReactNode;
  description?: (item: T) => ReactNode;
  empty: string;
  pageSize?: number;
  'data-testid'?: string;
};

export function ItemList<T>({ items, rowKey, title, description, empty, pageSize, ...rest }: Props<T>) {
  const [page, setPage] = useState(1);
  if (!items.length)
    return (
      <div data-testid={rest['data-testid']}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      </div>
    );
  const shown = pageSize ? items.slice((page - 1) * pageSize, page * pageSize) : items;
  return (
    <div data-testid={rest['data-testid']}>
      <ul className="zb-item-list">
        {shown.map((item) => (
          <li key={rowKey(item)}>
            <div className="zb-item-title">{title(item)}</div>
            {description && <div className="zb-item-desc">{description(item)}</div>}
          </li>
        ))}
      </ul>
      {pageSize && items.length > pageSize && (
        <Pagination
          size="small"
          align="end"
          current={page}
          pageSize={pageSize}
          total={items.length}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </div>
  );
}
