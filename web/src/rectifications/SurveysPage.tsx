/**
 * 摸底排查（六查六看）: the surveys of a year in scope; the superior records and corrects them; a
 * problem a check found is put on the rectification list from here.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { thisYear } from '../training/year.ts';
import { type ChecklistEntry, type Survey, useSurveys } from './api.ts';
import { SurveyFormModal } from './SurveyFormModal.tsx';

type Rectify = { survey: Survey; entry: ChecklistEntry } | null;

export default function SurveysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { abilities } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear() - 1);
  const org = params.get('org') ?? undefined;
  const [editing, setEditing] = useState<Survey | null | 'new'>(null);
  const [rectify, setRectify] = useState<Rectify>(null);
  const [form] = Form.useForm<{ ownerName: string; measures: string; deadline?: Dayjs }>();
  const list = useSurveys({ year, org });
  const set = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value !== undefined && value !== null && value !== '') next.set(key, String(value));
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const submitRectify = async (v: { ownerName: string; measures: string; deadline?: Dayjs }) => {
    if (!rectify) return;
    try {
      await api.post(`/surveys/${rectify.survey.id}/rectifications`, {
        check: rectify.entry.check,
        ownerName: v.ownerName,
        measures: v.measures,
        deadline: v.deadline?.format('YYYY-MM-DD'),
      });
      message.success(t('rect.created'));
      setRectify(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['surveys'] });
      await queryClient.invalidateQueries({ queryKey: ['rectifications'] });
    } catch (e) {
      showApiError(e, message, form);
    }
  };

  const columns = [
    { title: t('survey.branch'), key: 'org', render: (_: unknown, s: Survey) => s.org.name },
    { title: t('survey.surveyedOn'), dataIndex: 'surveyedOn', key: 'surveyedOn', width: 120 },
    {
      title: t('survey.problems'),
      key: 'problems',
      render: (_: unknown, s: Survey) =>
        s.checklist
          .filter((c) => c.result === 'problem')
          .map((c) => (
            <Tag key={c.check} color="orange">
              {t.label('surveyCheck', c.check).split('：')[0]}
            </Tag>
          )),
    },
    { title: t('survey.conclusion'), dataIndex: 'conclusion', key: 'conclusion' },
    {
      title: t('survey.weak'),
      key: 'weak',
      width: 90,
      render: (_: unknown, s: Survey) => (s.weak ? <Tag color="red">{t('survey.weak')}</Tag> : null),
    },
    { title: t('survey.rectifications'), dataIndex: 'rectifications', key: 'rectifications', width: 90 },
    {
      title: '',
      key: 'actions',
      width: 80,
      render: (_: unknown, s: Survey) =>
        s.mayEdit ? (
          <Button size="small" onClick={() => setEditing(s)}>
            {t('rect.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('survey.listTitle')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/surveys/export.xlsx', { year, org }, '摸底排查.xlsx').catch((e) => message.error(e.message))
            }
          >
            {t('survey.export')}
          </Button>
          {abilities.writes && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('survey.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker
          aria-label={t('rect.org')}
          placeholder={t('rect.org')}
          value={org}
          onChange={(v) => set('org', v)}
          allowClear
          style={{ width: 260 }}
        />
        <InputNumber
          aria-label={t('survey.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => set('year', v)}
        />
      </Space>
      <QueryState query={list}>
        {() => (
          <Table<Survey>
            data-testid="survey-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (s) => (
                <ul className="zb-item-list">
                  {s.checklist.map((c) => (
                    <li key={c.check}>
                      <Space wrap size={4}>
                        <Tag color={c.result === 'problem' ? 'orange' : 'green'}>
                          {t.label('surveyResult', c.result)}
                        </Tag>
                        <span>{t.label('surveyCheck', c.check)}</span>
                        {c.note && <span>— {c.note}</span>}
                        {c.result === 'problem' && abilities.writes && (
                          <Button size="small" onClick={() => setRectify({ survey: s, entry: c })}>
                            {t('survey.toRectification')}
                          </Button>
                        )}
                      </Space>
                    </li>
                  ))}
                </ul>
              ),
            }}
          />
        )}
      </QueryState>
      {editing !== null && (
        <SurveyFormModal
          open
          onClose={() => setEditing(null)}
          survey={editing === 'new' ? null : editing}
          year={year}
        />
      )}
      <Modal
        open={rectify !== null}
        title={rectify ? `${t('survey.toRectification')} · ${rectify.entry.note}` : ''}
        onCancel={() => setRectify(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submitRectify}>
          <Form.Item name="ownerName" label={t('rect.owner')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="measures" label={t('rect.measures')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="deadline" label={t('rect.deadline')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
