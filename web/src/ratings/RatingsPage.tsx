/**
 * 分类定级: a year's ratings of a subtree — each org's rubric score, adjustment, grade, last year's
 * grade and the movement. Those who rate an org (its superior) compute drafts, score the manual
 * items, adjust with a reason and finalize; everyone in scope sees the final grades.
 */
import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { gradeColor, movementColor, type Rating, type RatingList, type RatingRow } from './api.ts';

type Dialog = { kind: 'score' | 'adjust' | 'finalize'; row: RatingRow & { rating: Rating } } | null;

export default function RatingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const orgId = params.get('orgId') ?? tree.data?.roots[0]?.id;
  const year = Number(params.get('year') ?? thisYear() - 1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useQuery({
    queryKey: ['ratings', { orgId, year }],
    queryFn: () => api.get<RatingList>('/ratings', { orgId, year }),
    enabled: Boolean(orgId),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['ratings'] });
  const canRateAny = list.data?.items.some((r) => r.canRate) ?? false;

  const compute = async () => {
    try {
      const res = await api.post<{ computed: number; kept: number }>('/ratings/compute', { orgId, year });
      message.success(t('rat.computed', res));
      await refresh();
    } catch (e) {
      showApiError(e, message);
    }
  };

  const save = async (v: {
    role?: number | null;
    masses?: number | null;
    review?: number | null;
    adjustment?: number;
    reason?: string;
    deadline?: Dayjs;
  }) => {
    if (!dialog) return;
    const { rating } = dialog.row;
    try {
      if (dialog.kind === 'score') {
        const scores: Record<string, number | null> = {};
        for (const key of ['role', 'masses', 'review'] as const) {
          const item = rating.items.find((i) => i.key === key);
          if (item?.source === 'manual') scores[key] = v[key] ?? null;
        }
        await api.put(`/ratings/${rating.id}/items`, { version: rating.version, scores });
      } else if (dialog.kind === 'adjust')
        await api.put(`/ratings/${rating.id}/adjustment`, {
          version: rating.version,
          adjustment: v.adjustment ?? 0,
          reason: v.reason ?? null,
        });
      else
        await api.post(`/ratings/${rating.id}/finalize`, {
          version: rating.version,
          rectificationDeadline: v.deadline?.format('YYYY-MM-DD'),
        });
      message.success(t('rat.saved'));
      setDialog(null);
      await refresh();
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  const grade = (r: RatingRow) =>
    r.rating?.grade ? (
      <Tag color={r.rating.status === 'final' ? gradeColor[r.rating.grade] : undefined}>
        {t.label('ratingGrade', r.rating.grade)}
        {r.rating.status === 'draft' && ` (${t('rat.draft')})`}
      </Tag>
    ) : r.rating ? (
      <Tag>{t('rat.noScore')}</Tag>
    ) : (
      <Tag>{t('rat.unrated')}</Tag>
    );

  const columns = [
    {
      title: t('rat.org'),
      key: 'org',
      fixed: 'left' as const,
      width: 200,
      render: (_: unknown, r: RatingRow) => <Link to={`/ratings/orgs/${r.org.id}`}>{r.org.name}</Link>,
    },
    { title: t('rat.parent'), key: 'parent', width: 160, render: (_: unknown, r: RatingRow) => r.org.parentName },
    {
      title: t('rat.items'),
      key: 'items',
      width: 380,
      render: (_: unknown, r: RatingRow) =>
        r.rating && (
          <Space size={2} wrap>
            {r.rating.items.map((i) => (
              <Tooltip key={i.key} title={`${t.label('ratingSource', i.source)}${i.detail ? ` · ${i.detail}` : ''}`}>
                <Tag>
                  {t.label('ratingItem', i.key)} {i.applicable ? (i.score ?? '—') : t('rat.notApplicable')}/{i.max}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
    {
      title: t('rat.computedScore'),
      width: 90,
      key: 'computed',
      align: 'right' as const,
      render: (_: unknown, r: RatingRow) => r.rating?.computedScore ?? '—',
    },
    {
      title: t('rat.adjustment'),
      width: 90,
      key: 'adjustment',
      align: 'right' as const,
      render: (_: unknown, r: RatingRow) =>
        r.rating?.adjustment ? (
          <Tooltip
            title={`${r.rating.adjustmentReason ?? ''} · ${t('rat.adjustedBy', {
              name: r.rating.adjustedByName ?? '',
              at: r.rating.adjustedAt ? dayjs(r.rating.adjustedAt).format('YYYY-MM-DD HH:mm') : '',
            })}`}
          >
            <span data-testid="adjustment">
              {r.rating.adjustment > 0 ? `+${r.rating.adjustment}` : r.rating.adjustment}
            </span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('rat.finalScore'),
      width: 90,
      key: 'final',
      align: 'right' as const,
      render: (_: unknown, r: RatingRow) => r.rating?.finalScore ?? '—',
    },
    { title: t('rat.grade'), key: 'grade', render: (_: unknown, r: RatingRow) => grade(r) },
    {
      title: t('rat.previous'),
      key: 'previous',
      render: (_: unknown, r: RatingRow) => (r.previousGrade ? t.label('ratingGrade', r.previousGrade) : '—'),
    },
    {
      title: t('rat.movement'),
      key: 'movement',
      render: (_: unknown, r: RatingRow) =>
        r.movement ? <Tag color={movementColor[r.movement]}>{t.label('ratingMovement', r.movement)}</Tag> : '—',
    },
    {
      title: t('rat.actions'),
      key: 'actions',
      render: (_: unknown, r: RatingRow) =>
        r.canRate && r.rating?.status === 'draft' ? (
          <Space size="small" wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'score', row: r as RatingRow & { rating: Rating } })}>
              {t('rat.score')}
            </Button>
            <Button
              size="small"
              onClick={() => setDialog({ kind: 'adjust', row: r as RatingRow & { rating: Rating } })}
            >
              {t('rat.adjust')}
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={r.rating.finalScore === null}
              onClick={() => setDialog({ kind: 'finalize', row: r as RatingRow & { rating: Rating } })}
            >
              {t('rat.finalize')}
            </Button>
          </Space>
        ) : (
          <Link to={`/ratings/orgs/${r.org.id}`}>
            <HistoryOutlined /> {t('rat.evaluation')}
          </Link>
        ),
    },
  ];

  const rating = dialog?.row.rating;
  const manual = rating?.items.filter((i) => i.source === 'manual') ?? [];
  return (
    <Card
      title={t('rat.title')}
      extra={
        <Space>
          {abilities.writes && canRateAny && (
            <Button type="primary" onClick={compute} disabled={!orgId}>
              {t('rat.compute')}
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!orgId}
            onClick={() =>
              download('/ratings/export.xlsx', { orgId, year }, `分类定级-${year}.xlsx`).catch((e) =>
                message.error(e.message),
              )
            }
          >
            {t('rat.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('rat.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('rat.org')}>
            <OrgPicker aria-label={t('rat.org')} value={orgId} onChange={(v) => set('orgId', v)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('rat.year')}>
            <InputNumber
              aria-label={t('rat.year')}
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && set('year', String(v))}
            />
          </Form.Item>
        </Col>
      </Row>
      <QueryState query={list}>
        {() => (
          <>
            {list.data && <Typography.Paragraph>{t('rat.counts', list.data.counts)}</Typography.Paragraph>}
            <Table<RatingRow>
              rowKey={(r) => r.org.id}
              size="small"
              columns={columns}
              dataSource={list.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1500 }}
            />
          </>
        )}
      </QueryState>
      <Modal
        open={dialog !== null}
        title={
          dialog &&
          `${dialog.row.org.name} · ${t(dialog.kind === 'score' ? 'rat.scoreTitle' : dialog.kind === 'adjust' ? 'rat.adjustTitle' : 'rat.finalize')}`
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText={t(dialog?.kind === 'finalize' ? 'rat.finalize' : 'rat.save')}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          preserve={false}
          initialValues={{
            ...Object.fromEntries(manual.map((i) => [i.key, i.score])),
            adjustment: rating?.adjustment ?? 0,
            reason: rating?.adjustmentReason ?? '',
          }}
        >
          {dialog?.kind === 'score' &&
            manual.map((i) => (
              <Form.Item key={i.key} name={i.key} label={`${t.label('ratingItem', i.key)}（0–${i.max}）`}>
                <InputNumber
                  aria-label={t.label('ratingItem', i.key)}
                  min={0}
                  max={i.max}
                  step={0.5}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            ))}
          {dialog?.kind === 'adjust' && (
            <>
              <Typography.Paragraph type="secondary">{t('rat.adjustHint')}</Typography.Paragraph>
              <Form.Item name="adjustment" label={t('rat.adjustment')} rules={[{ required: true }]}>
                <InputNumber aria-label={t('rat.adjustment')} min={-15} max={15} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="reason" label={t('rat.reason')}>
                <Input.TextArea aria-label={t('rat.reason')} rows={3} maxLength={1000} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'finalize' && rating && (
            <>
              <Typography.Paragraph>
                {t('rat.finalizeConfirm', {
                  grade: t.label('ratingGrade', rating.grade),
                  score: rating.finalScore ?? '—',
                })}
              </Typography.Paragraph>
              <Form.Item name="deadline" label={t('rat.deadline')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
