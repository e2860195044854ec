/**
 * The caller's compliance to-dos on the workbench: open findings (warnings before they become
 * breaches, and breaches to put right) in the branches they run, or about themselves.
 */
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ItemList } from '../pages/life/ItemList.tsx';
import { SeverityTag } from './labels.tsx';
import { findingLink } from './links.ts';
import type { ComplianceTodo } from './types.ts';

const PAGE = 8;

export function ComplianceTodosCard() {
  const { t } = useI18n();
  const todos = useQuery({
    queryKey: ['compliance', 'todos'],
    queryFn: () => api.get<{ items: ComplianceTodo[] }>('/compliance/todos'),
  });
  return (
    <Card
      title={
        <Space>
          {t('ctodo.title')}
          {todos.data && <Badge count={todos.data.items.length} showZero color="#c62828" overflowCount={999} />}
        </Space>
      }
      extra={<Link to="/compliance/findings">{t('ctodo.all')}</Link>}
    >
      <QueryState query={todos}>
        {() => (
          <ItemList<ComplianceTodo>
            data-testid="compliance-todos"
            items={todos.data?.items ?? []}
            rowKey={(i) => i.findingId}
            empty={t('ctodo.none')}
            pageSize={PAGE}
            title={(item) => (
              <Space wrap size={4}>
                <SeverityTag t={t} severity={item.severity} />
                <Link to={item.link || findingLink(item.findingId)}>{item.title}</Link>
              </Space>
            )}
            description={(item) => (
              <Typography.Text type="secondary">
                {item.rule} · {item.orgName}
                {item.period ? ` · ${item.period}` : ''}
              </Typography.Text>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
