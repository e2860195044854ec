/**
 * The commendations decided for a person or an org (表彰记录), shown on their page. Nothing is
 * shown when the caller may not read them; an empty record says so.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Award } from './api.ts';

export function AwardsCard({ owner, id }: { owner: 'people' | 'orgs'; id: string }) {
  const { t } = useI18n();
  const awards = useQuery({
    queryKey: ['awards', owner, id],
    queryFn: () => api.get<{ items: Award[] }>(`/awards/${owner}/${id}`),
    retry: false,
  });
  if (awards.isError) return null;
  const items = awards.data?.items ?? [];
  return (
    <Card size="small" title={t('awards.card')} loading={awards.isLoading} data-testid="awards-card">
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('awards.cardEmpty') }}
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <Tag color="red">{t(`awardKind.${a.kind}`)}</Tag>
              <span>{t('awards.cardRound', { year: a.roundYear })}</span>
              <Typography.Text type="secondary">
                {a.decidedOn}
                {a.decisionDocument ? ` · ${a.decisionDocument}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
