/**
 * The one Excel import flow of the app (roster, meeting records): template download, a dry-run
 * check of the uploaded workbook, then the import — offered only after the check passes. A
 * rejected file shows its row-by-row report; nothing is written.
 */
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { ApiError, api, download } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { showApiError } from './forms.ts';
import { UniversityPicker } from './UniversityPicker.tsx';

type RowIssue = { row: number; column: string; reason: string };

export type ExcelImportProps<Outcome> = {
  title: string;
  intro: string;
  /** POST endpoint taking the file in field `file` and `dryRun=1`. */
  endpoint: string;
  templateUrl: string;
  templateFileName: string;
  checkedText: (outcome: Outcome) => string;
  doneText: (outcome: Outcome) => string;
  /** After a real import: refresh what it changed. */
  onImported: () => void;
};

export function ExcelImport<Outcome>(props: ExcelImportProps<Outcome>) {
  const { t } = useI18n();
  const { account } = useSession();
  const { message } = AntApp.useApp();
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
    if (!file) {
      message.warning(t('import.noFile'));
      return;
    }
    reset();
    setBusy(dryRun ? 'check' : 'import');
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const result = await api.post<Outcome>(props.endpoint, form, {
        dryRun: dryRun ? 1 : undefined,
        universityId: needsUniversity ? universityId : undefined,
      });
      if (dryRun) setChecked(result);
      else {
        setDone(result);
        setFile(null);
        setFileList([]);
        props.onImported();
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
        props.templateUrl,
        { universityId: needsUniversity ? universityId : undefined },
        props.templateFileName,
      );
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <Card title={props.title}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{props.intro}</Typography.Paragraph>
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
        {checked && <Alert type="info" showIcon title={props.checkedText(checked)} />}
        {done && <Alert type="success" showIcon role="status" title={props.doneText(done)} />}
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
