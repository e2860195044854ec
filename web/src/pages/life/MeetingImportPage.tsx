/**
 * 会议记录导入: the template, a dry run of the uploaded workbook, then the import — offered only
 * after the check passes. A rejected file shows its row-by-row report; nothing is written.
 */
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { ApiError, api, download } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showApiError } from '../../components/forms.ts';
import { UniversityPicker } from '../../components/UniversityPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';

type RowIssue = { row: number; column: string; reason: string };
type Outcome = { meetings: number; attendance: number; absent: number; leave: number; dryRun: boolean };

export default function MeetingImportPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [universityId, setUniversityId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [issues, setIssues] = useState<RowIssue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const needsUniversity = !account?.tenantId;

  const reset = () => {
    setChecked(null);
    setDone(null);
    setIssues(null);
    setFailure(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    reset();
    setBusy(dryRun ? 'check' : 'import');
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const result = await api.post<Outcome>('/meetings/import', form, {
        dryRun: dryRun ? 1 : undefined,
        universityId: needsUniversity ? universityId : undefined,
      });
      if (dryRun) setChecked(result);
      else {
        setDone(result);
        setFile(null);
        setFileList([]);
        queryClient.invalidateQueries({ queryKey: ['meetings'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.details)) {
        setIssues(e.details as RowIssue[]);
        setFailure(e.message);
      } else if (e instanceof ApiError) setFailure(e.message);
      else showApiError(e, message);
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    try {
      await download(
        '/meetings/import-template.xlsx',
        { universityId: needsUniversity ? universityId : undefined },
        '会议记录导入模板.xlsx',
      );
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <Card title={t('mimport.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('mimport.intro')}</Typography.Paragraph>
        {needsUniversity && (
          <UniversityPicker value={universityId} onChange={setUniversityId} label={t('entity.university')} />
        )}
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {t('import.template')}
        </Button>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={fileList}
          beforeUpload={(f) => {
            setFile(f);
            setFileList([{ uid: f.uid, name: f.name, status: 'done' }]);
            reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setFileList([]);
            reset();
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.choose')}（.xlsx）</p>
        </Upload.Dragger>
        <Space wrap>
          <Button icon={<CheckCircleOutlined />} onClick={() => send(true)} loading={busy === 'check'} disabled={!file}>
            {t('import.check')}
          </Button>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => send(false)}
            loading={busy === 'import'}
            disabled={!file || !checked}
          >
            {t('import.run')}
          </Button>
        </Space>
        {checked && <Alert type="info" showIcon title={t('mimport.checkOk', { ...checked, dryRun: '' })} />}
        {done && <Alert type="success" showIcon role="status" title={t('mimport.done', { ...done, dryRun: '' })} />}
        {failure && <Alert type="error" showIcon role="alert" title={t('import.failed')} description={failure} />}
        {issues && issues.length > 0 && (
          <Table<RowIssue & { key: number }>
            data-testid="import-errors"
            size="small"
            rowKey="key"
            dataSource={issues.map((r, key) => ({ ...r, key }))}
            pagination={issues.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? r : '—') },
              { title: t('import.column'), dataIndex: 'column', width: 160 },
              { title: t('import.reason'), dataIndex: 'reason' },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
