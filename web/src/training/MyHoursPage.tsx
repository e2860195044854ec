/** 我的学时: a member's own hours this year against what they owe, made for a phone screen. */
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MyHours } from './api.ts';
import { thisYear } from './year.ts';

export default function MyHoursPage() {
  const { t } = useI18n();
  const year = thisYear();
  const mine = useQuery({
    queryKey: ['training', 'my-hours', year],
    queryFn: () => api.get<MyHours>('/training/my-hours', { year }),
  });
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 640 }}>
      <QueryState query={mine}>
        {() => {
          const s = mine.data?.summary;
          return (
            <>
              <Card title={t('training.myTitle')} size="small">
                {s ? (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Typography.Text strong data-testid="my-hours">
                      {t('training.myProgress', { year, hours: s.hours, required: s.required })}
                    </Typography.Text>
                    <Progress
                      percent={s.required ? Math.min(100, Math.round((s.hours / s.required) * 100)) : 100}
                      status={s.behind ? 'exception' : 'normal'}
                    />
                    {s.behind && <Tag color="red">{t('training.behind')}</Tag>}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('training.myNone')}</Typography.Text>
                )}
              </Card>
              <Card title={t('training.credits')} size="small">
                {mine.data?.credits.length ? (
                  <List
                    dataSource={mine.data.credits}
                    renderItem={(c) => (
                      <List.Item extra={<strong>{c.hours}</strong>}>
                        <List.Item.Meta title={c.title} description={`${c.on} · ${t.label('trainingKind', c.kind)}`} />
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty description={t('training.noCredits')} />
                )}
              </Card>
            </>
          );
        }}
      </QueryState>
    </Space>
  );
}
