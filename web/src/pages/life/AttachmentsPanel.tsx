/** 附件: photos, slides and scanned sign-in sheets of a meeting; the server checks type and size. */
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { api, download } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { useI18n } from '../../i18n/index.tsx';
import { formatBytes, optionsOf } from './labels.tsx';
import { type Attachment, attachmentKinds, type MeetingDetail } from './types.ts';

export function AttachmentsPanel({
  detail,
  canWrite,
  onChanged,
}: {
  detail: MeetingDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [kind, setKind] = useState<string>('photo');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = detail.meeting.id;

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const body = new FormData();
      body.append('kind', kind);
      body.append('file', file, file.name);
      await api.post(`/meetings/${id}/attachments`, body, { kind });
      message.success(t('files.uploaded'));
      onChanged();
    } catch (e) {
      showApiError(e, message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (a: Attachment) => {
    try {
      await api.del(`/meetings/${id}/attachments/${a.id}`);
      onChanged();
    } catch (e) {
      showApiError(e, message);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Space wrap>
          <Select
            aria-label={t('files.kind')}
            value={kind}
            onChange={setKind}
            options={optionsOf(t, 'attachmentKind', attachmentKinds)}
            style={{ width: 120 }}
          />
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
            {t('files.upload')}
          </Button>
          <Typography.Text type="secondary">{t('files.hint')}</Typography.Text>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t('files.upload')}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) upload(f);
            }}
          />
        </Space>
      )}
      <Table<Attachment>
        data-testid="attachment-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.attachments}
        columns={[
          {
            title: t('files.title'),
            dataIndex: 'fileName',
            render: (name: string, a) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                style={{ padding: 0 }}
                onClick={() =>
                  download(`/meetings/${id}/attachments/${a.id}`, undefined, name).catch((e) =>
                    showApiError(e, message),
                  )
                }
              >
                {name}
              </Button>
            ),
          },
          { title: t('files.kind'), dataIndex: 'kind', width: 90, render: (k) => t.label('attachmentKind', k) },
          { title: t('files.size'), dataIndex: 'size', width: 90, render: (n: number) => formatBytes(n) },
          {
            title: t('report.submittedOn'),
            dataIndex: 'createdAt',
            width: 140,
            responsive: ['md'],
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'del',
                  width: 50,
                  render: (_: unknown, a: Attachment) => (
                    <Popconfirm title={t('files.deleteConfirm')} onConfirm={() => remove(a)}>
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('meeting.delete')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
