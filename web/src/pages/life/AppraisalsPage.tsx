/**
 * 民主评议党员 (LIFE-08): the appraisals of the branches in scope by year, and one appraisal's four
 * steps — self-assessment (members submit their own), peer review, the democratic vote with its
 * tallies (leading cadres are not voted on), and the organization's verdicts.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai, useCanWrite } from './hooks.ts';
import { optionsOf } from './labels.tsx';

const steps = ['selfAssessment', 'peerReview', 'vote', 'verdict', 'closed'] as const;
const grades = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
const followUps = ['rectifyWithinDeadline', 'persuadeToLeave', 'removal'] as const;
const gradeColor: Record<string, string> = {
  excellent: 'red',
  qualified: 'green',
  basicallyQualified: 'orange',
  unqualified: 'default',
};

type AppraisalRow = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  step: string;
  startedOn: string;
  voters: number | null;
  version: number;
  participants?: number;
};
type Votes = { excellent: number; qualified: number; basicallyQualified: number; unqualified: number };
type Entry = {
  personId: string;
  name: string;
  code: string;
  leadingCadre: boolean;
  selfAssessment: string | null;
  selfAssessedOn: string | null;
  peerReviewDone: boolean;
  votes: Votes | null;
  verdict: string | null;
  verdictReason: string | null;
  followUp: string | null;
};
type Summary = {
  participants: number;
  leadingCadres: number;
  selfAssessed: number;
  peerReviewed: number;
  votedOn: number;
  toBeVotedOn: number;
  withoutVerdict: number;
};
type Appraisal = { appraisal: AppraisalRow; entries: Entry[]; summary: Summary };

export function AppraisalsListPage() {
  const { t } = useI18n();
  const { abilities } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year') ?? thisYear);
  const [creating, setCreating] = useState(false);
  const [newOrg, setNewOrg] = useState<string | undefined>(orgId);
  const [startedOn, setStartedOn] = useState<Dayjs | null>(dayjs(todayInShanghai()));
  const list = useQuery({
    queryKey: ['appraisals', { orgId, year }],
    queryFn: () => api.get<{ items: AppraisalRow[] }>('/appraisals', { orgId, year }),
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const columns: ColumnsType<AppraisalRow> = [
    { title: t('plan.branch'), key: 'org', render: (_, a) => <Link to={`/appraisals/${a.id}`}>{a.orgName}</Link> },
    { title: t('plan.year'), dataIndex: 'year', width: 80 },
    { title: t('ap.step'), dataIndex: 'step', width: 110, render: (s) => <Tag>{t.label('appraisalStep', s)}</Tag> },
    { title: t('ap.startedOn'), dataIndex: 'startedOn', width: 110 },
    { title: t('ap.participants'), dataIndex: 'participants', width: 90 },
  ];
  return (
    <Card
      title={t('ap.list')}
      extra={
        abilities.writes && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('ap.start')}
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} xl={8}>
          <OrgPicker
            aria-label={t('meeting.filterOrg')}
            placeholder={t('meeting.filterOrg')}
            value={orgId}
            onChange={(v) => set('orgId', v)}
            allowClear
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <InputNumber
            aria-label={t('plan.year')}
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && set('year', String(v))}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      <QueryState query={list}>
        {() => (
          <Table<AppraisalRow>
            data-testid="appraisal-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
        )}
      </QueryState>
      <Modal
        open={creating}
        title={`${t('ap.start')} · ${year}`}
        onCancel={() => setCreating(false)}
        okButtonProps={{ disabled: !newOrg || !startedOn }}
        onOk={async () => {
          try {
            const created = await api.post<Appraisal>('/appraisals', {
              orgId: newOrg,
              year,
              startedOn: startedOn?.format('YYYY-MM-DD'),
            });
            navigate(`/appraisals/${created.appraisal.id}`);
          } catch (e) {
            showApiError(e, message);
          }
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('plan.branch')} required>
            <OrgPicker
              aria-label={t('plan.branch')}
              kinds={['branch']}
              withinRoots={abilities.roles.includes('platformAdmin') ? undefined : abilities.writeRoots}
              value={newOrg}
              onChange={setNewOrg}
            />
          </Form.Item>
          <Form.Item label={t('ap.startedOn')} required>
            <DatePicker value={startedOn} onChange={setStartedOn} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type VerdictDraft = { verdict?: string; reason?: string; followUp?: string };

export function AppraisalPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [voters, setVoters] = useState<number | null>(null);
  const [tallies, setTallies] = useState<Record<string, Votes>>({});
  const [verdicts, setVerdicts] = useState<Record<string, VerdictDraft>>({});
  const data = useQuery({
    queryKey: ['appraisals', 'detail', id],
    queryFn: () => api.get<Appraisal>(`/appraisals/${id}`),
  });
  const canWrite = useCanWrite(data.data?.appraisal.orgId);

  useEffect(() => {
    const d = data.data;
    if (!d) return;
    setVoters(d.appraisal.voters);
    setTallies(
      Object.fromEntries(
        d.entries.map((e) => [
          e.personId,
          e.votes ?? { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0 },
        ]),
      ),
    );
    setVerdicts(
      Object.fromEntries(
        d.entries.map((e) => [
          e.personId,
          { verdict: e.verdict ?? undefined, reason: e.verdictReason ?? undefined, followUp: e.followUp ?? undefined },
        ]),
      ),
    );
  }, [data.data]);

  const post = async (key: string, path: string, body: Record<string, unknown>) => {
    setBusy(key);
    try {
      await api.post(`/appraisals/${id}${path}`, body);
      await data.refetch();
      message.success(t('common.saved'));
    } catch (e) {
      showApiError(e, message);
      data.refetch();
    } finally {
      setBusy(null);
    }
  };

  return (
    <QueryState query={data}>
      {() => {
        const d = data.data as Appraisal;
        const a = d.appraisal;
        const step = a.step;
        const stepIndex = steps.indexOf(step as (typeof steps)[number]);
        const tally = (personId: string, grade: keyof Votes) => (
          <InputNumber
            size="small"
            min={0}
            aria-label={t.label('grade', grade)}
            value={tallies[personId]?.[grade] ?? 0}
            disabled={step !== 'vote' || !canWrite}
            onChange={(v) =>
              setTallies((prev) => ({ ...prev, [personId]: { ...prev[personId], [grade]: Number(v ?? 0) } }))
            }
            style={{ width: 64 }}
          />
        );
        const columns: ColumnsType<Entry> = [
          {
            title: t('makeups.person'),
            key: 'name',
            render: (_, e) => (
              <Space size={4} wrap>
                {e.name}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.code}
                </Typography.Text>
                {e.leadingCadre && <Tag>{t('att.leadingCadre')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('ap.selfAssessed'),
            key: 'self',
            width: 100,
            render: (_, e) =>
              e.selfAssessedOn ? (
                <Typography.Text type="success" title={e.selfAssessment ?? undefined}>
                  {e.selfAssessedOn}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('ap.peerReviewed'),
            key: 'peer',
            width: 80,
            render: (_, e) => (e.peerReviewDone ? <Tag color="green">✓</Tag> : '—'),
          },
          ...(stepIndex >= 2
            ? grades.map((g) => ({
                title: t.label('grade', g),
                key: g,
                width: 80,
                render: (_: unknown, e: Entry) => (e.leadingCadre ? '—' : tally(e.personId, g)),
              }))
            : []),
          ...(stepIndex >= 3
            ? [
                {
                  title: t('ap.verdict'),
                  key: 'verdict',
                  width: 320,
                  render: (_: unknown, e: Entry) => {
                    const v = verdicts[e.personId] ?? {};
                    if (step !== 'verdict' || !canWrite)
                      return e.verdict ? (
                        <Space size={4} wrap>
                          <Tag color={gradeColor[e.verdict]}>{t.label('grade', e.verdict)}</Tag>
                          {e.followUp && <span>{t.label('followUp', e.followUp)}</span>}
                          {e.verdictReason && <Typography.Text type="secondary">{e.verdictReason}</Typography.Text>}
                        </Space>
                      ) : (
                        '—'
                      );
                    const put = (patch: VerdictDraft) =>
                      setVerdicts((prev) => ({ ...prev, [e.personId]: { ...prev[e.personId], ...patch } }));
                    return (
                      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                        <Select
                          size="small"
                          aria-label={`${e.name} ${t('ap.verdict')}`}
                          value={v.verdict}
                          onChange={(verdict) => put({ verdict })}
                          options={optionsOf(t, 'grade', grades)}
                          style={{ width: 120 }}
                        />
                        {v.verdict === 'unqualified' && (
                          <>
                            <Select
                              size="small"
                              aria-label={t('ap.followUp')}
                              placeholder={t('ap.followUp')}
                              value={v.followUp}
                              onChange={(followUp) => put({ followUp })}
                              options={optionsOf(t, 'followUp', followUps)}
                              style={{ width: 160 }}
                            />
                            <Input
                              size="small"
                              placeholder={t('ap.reason')}
                              value={v.reason}
                              onChange={(ev) => put({ reason: ev.target.value })}
                            />
                          </>
                        )}
                      </Space>
                    );
                  },
                },
              ]
            : []),
        ];
        return (
          <Card
            title={
              <Space wrap>
                <Link to={`/appraisals?orgId=${a.orgId}&year=${a.year}`}>{t('ap.back')}</Link>
                <span>
                  {a.orgName} · {a.year}
                </span>
              </Space>
            }
          >
            <Steps
              size="small"
              current={stepIndex}
              items={steps.slice(0, 4).map((s) => ({ title: t.label('appraisalStep', s) }))}
              style={{ marginBottom: 16 }}
            />
            <Typography.Paragraph data-testid="appraisal-summary">{t('ap.summary', d.summary)}</Typography.Paragraph>
            {canWrite && (
              <Space wrap style={{ marginBottom: 12 }}>
                {step === 'peerReview' && (
                  <Button
                    loading={busy === 'peer'}
                    onClick={() =>
                      post('peer', '/peer-reviews', {
                        version: a.version,
                        personIds: d.entries.map((e) => e.personId),
                        done: true,
                      })
                    }
                  >
                    {t('ap.markAllReviewed')}
                  </Button>
                )}
                {step === 'vote' && (
                  <>
                    <span>{t('ap.voters')}</span>
                    <InputNumber aria-label={t('ap.voters')} min={1} value={voters} onChange={(v) => setVoters(v)} />
                    <Button
                      loading={busy === 'votes'}
                      disabled={!voters}
                      onClick={() =>
                        post('votes', '/votes', {
                          version: a.version,
                          voters,
                          tallies: d.entries
                            .filter((e) => !e.leadingCadre)
                            .map((e) => ({ personId: e.personId, ...tallies[e.personId] })),
                        })
                      }
                    >
                      {t('ap.saveVotes')}
                    </Button>
                  </>
                )}
                {step === 'verdict' && (
                  <Button
                    loading={busy === 'verdicts'}
                    onClick={() =>
                      post('verdicts', '/verdicts', {
                        version: a.version,
                        verdicts: Object.entries(verdicts)
                          .filter(([, v]) => v.verdict)
                          .map(([personId, v]) => ({
                            personId,
                            verdict: v.verdict,
                            reason: v.reason?.trim() || null,
                            followUp: v.verdict === 'unqualified' ? (v.followUp ?? null) : null,
                          })),
                      })
                    }
                  >
                    {t('ap.saveVerdicts')}
                  </Button>
                )}
                {step !== 'closed' && (
                  <Button
                    type="primary"
                    loading={busy === 'advance'}
                    onClick={() => post('advance', '/advance', { version: a.version })}
                  >
                    {t('ap.advance')}
                  </Button>
                )}
              </Space>
            )}
            <Table<Entry>
              data-testid="appraisal-entries"
              rowKey="personId"
              size="small"
              columns={columns}
              dataSource={d.entries}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        );
      }}
    </QueryState>
  );
}
