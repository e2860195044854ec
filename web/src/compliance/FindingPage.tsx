/**
 * One finding: its message with the source clause, where and when, the numbers behind it, the
 * records it points to (each opening its own page) and its history (opened, resolved, reopened).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RectifyFindingButton } from '../rectifications/RectifyFindingButton.tsx';
import { atShanghai, FindingStatusTag, inLocale, SeverityTag, severityColor } from './labels.tsx';
import { dashboardLink, evidenceHref } from './links.ts';
import type { FindingDetail } from './types.ts';

const eventColor: Record<string, string> = { opened: 'red', reopened: 'red', updated: 'blue', resolved: 'green' };

export default function FindingPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const detail = useQuery({
    queryKey: ['compliance', 'finding', id],
    queryFn: () => api.get<FindingDetail>(`/compliance/findings/${id}`),
  });
  return (
    <QueryState query={detail}>
      {() => {
        const f = detail.data as FindingDetail;
        const numbers = Object.entries(f.numbers ?? {});
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ padding: 0 }}>
              {t('cfd.back')}
            </Button>
            <Card
              title={
                <Space wrap>
                  {t('cfd.title')}
                  <Tag>{f.rule}</Tag>
                  <SeverityTag t={t} severity={f.severity} />
                  <FindingStatusTag t={t} status={f.status} />
                </Space>
              }
              extra={<RectifyFindingButton findingId={f.id} problem={inLocale(locale, f.message)} />}
            >
              <Typography.Title level={5} data-testid="finding-message">
                {inLocale(locale, f.message)}
              </Typography.Title>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                <Descriptions.Item label={t('cfd.ruleTitle')} span={2}>
                  {f.rule} {inLocale(locale, f.ruleTitle)} · {t.label('family', f.family)}
                </Descriptions.Item>
                <Descriptions.Item label={t('cf.source')} span={2}>
                  {f.source}
                </Descriptions.Item>
                <Descriptions.Item label={t('cf.org')}>
                  <Space wrap>
                    <Link to={`/orgs/${f.org.id}`}>{f.org.name}</Link>
                    <Link to={dashboardLink(f.org.id)}>{t('nav.complianceDashboard')}</Link>
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('cf.person')}>
                  {f.person ? <Link to={`/members/${f.person.id}`}>{f.person.name}</Link> : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cf.period')}>{f.period ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('cf.openedAt')}>{atShanghai(f.openedAt)}</Descriptions.Item>
                {f.resolvedAt && (
                  <Descriptions.Item label={t('cf.resolvedAt')}>{atShanghai(f.resolvedAt)}</Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title={t('cfd.evidence')}>
                  {f.evidence.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cfd.noEvidence')} />
                  ) : (
                    <ul className="zb-item-list" data-testid="evidence-list">
                      {f.evidence.map((e) => {
                        const href = evidenceHref(e.kind, e.id);
                        return (
                          <li key={`${e.kind}/${e.id}`}>
                            <Space wrap size={4}>
                              <Tag>{t.label('evidence', e.kind)}</Tag>
                              {href ? <Link to={href}>{e.label || e.id}</Link> : <span>{e.label || e.id}</span>}
                            </Space>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </Card>
                {numbers.length > 0 && (
                  <Card title={t('cfd.numbers')} style={{ marginTop: 16 }}>
                    <Descriptions column={1} size="small">
                      {numbers.map(([k, v]) => (
                        <Descriptions.Item key={k} label={k}>
                          {v ?? '—'}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </Card>
                )}
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('cfd.history')}>
                  {f.history.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cfd.noHistory')} />
                  ) : (
                    <Timeline
                      data-testid="finding-history"
                      items={f.history.map((h, i) => ({
                        key: `${h.at}/${i}`,
                        color: eventColor[h.event] ?? 'gray',
                        content: (
                          <Space wrap size={4}>
                            <strong>{t.label('findingEvent', h.event)}</strong>
                            <Tag color={severityColor[h.severity] ?? 'default'}>{t.label('severity', h.severity)}</Tag>
                            <Typography.Text type="secondary">{atShanghai(h.at)}</Typography.Text>
                          </Space>
                        ),
                      }))}
                    />
                  )}
                </Card>
              </Col>
            </Row>
          </Space>
        );
      }}
    </QueryState>
  );
}
