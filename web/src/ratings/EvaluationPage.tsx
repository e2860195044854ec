/** A branch's (or college's) evaluation across years: rating and movement, review results, acceptance, rectification items. */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { type Evaluation, gradeColor, movementColor } from './api.ts';

export default function EvaluationPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['ratings', 'evaluation', id],
    queryFn: () => api.get<Evaluation>(`/ratings/orgs/${id}/evaluation`),
  });
  return (
    <QueryState query={query}>
      {() => {
        const data = query.data as Evaluation;
        return (
          <Card title={t('eval.title', { name: data.org.name })}>
            {data.years.length === 0 && <Empty description={t('eval.empty')} />}
            <Space direction="vertical" style={{ width: '100%' }}>
              {data.years.map((y) => (
                <Card key={y.year} type="inner" title={`${y.year}`} data-testid={`year-${y.year}`}>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('eval.rating')}>
                      {y.rating ? (
                        <Space wrap>
                          {y.rating.grade && (
                            <Tag color={y.rating.status === 'final' ? gradeColor[y.rating.grade] : undefined}>
                              {t.label('ratingGrade', y.rating.grade)}
                              {y.rating.status === 'draft' && ` (${t('rat.draft')})`}
                            </Tag>
                          )}
                          <span>
                            {t('rat.finalScore')} {y.rating.finalScore ?? '—'}
                            {y.rating.adjustment !== 0 &&
                              ` (${t('rat.computedScore')} ${y.rating.computedScore}, ${t('rat.adjustment')} ${y.rating.adjustment}: ${y.rating.adjustmentReason ?? ''})`}
                          </span>
                          {y.movement && (
                            <Tag color={movementColor[y.movement]}>{t.label('ratingMovement', y.movement)}</Tag>
                          )}
                        </Space>
                      ) : (
                        t('eval.none')
                      )}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('eval.reviews')}>
                      {y.reviews.length
                        ? y.reviews.map((r) => (
                            <div key={r.id}>
                              {r.personName} · {r.finalScore ?? '—'} · {t.label('reviewGrade', r.grade)}{' '}
                              <Typography.Text type="secondary">{r.roundTitle}</Typography.Text>
                            </div>
                          ))
                        : t('eval.none')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('eval.acceptance')}>
                      {y.acceptance.length
                        ? y.acceptance.map((a) => (
                            <div key={a.campaign}>
                              {a.campaign} · <Tag>{t.label('accStage', a.status)}</Tag>
                            </div>
                          ))
                        : t('eval.none')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('eval.rectifications')}>
                      {y.rectifications.length ? (
                        <List
                          size="small"
                          dataSource={y.rectifications}
                          renderItem={(r) => (
                            <List.Item>
                              <Tag>{t.label('rectSource', r.source)}</Tag>
                              {r.problem} · {t('eval.deadline')} {r.deadline} ·{' '}
                              <Tag>{t.label('rectStatus', r.status)}</Tag>
                            </List.Item>
                          )}
                        />
                      ) : (
                        t('eval.none')
                      )}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
              ))}
            </Space>
          </Card>
        );
      }}
    </QueryState>
  );
}
