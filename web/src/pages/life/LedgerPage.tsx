/**
 * 组织生活台账: pick a branch and a year, then download the workbook or open the printable page
 * (A4, Chinese layout) in a new tab — the document an inspector asks for.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Form, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { download } from '../../api/client.ts';
import { showApiError } from '../../components/forms.ts';
import { OrgPicker } from '../../components/OrgPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayInShanghai } from './hooks.ts';

export default function LedgerPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year') ?? thisYear);
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const downloadExcel = async () => {
    if (!orgId) return;
    setBusy(true);
    try {
      await download(`/ledger/${orgId}/${year}.xlsx`, undefined, `组织生活台账-${year}.xlsx`);
    } catch (e) {
      showApiError(e, message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('ledger.title')} style={{ maxWidth: 880 }}>
      <Typography.Paragraph type="secondary">{t('ledger.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item label={t('ledger.branch')} required>
              <OrgPicker
                aria-label={t('ledger.branch')}
                placeholder={t('ledger.pickBranch')}
                kinds={['branch']}
                value={orgId}
                onChange={(v) => set('orgId', v)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('ledger.year')} required>
              <Select
                aria-label={t('ledger.year')}
                value={year}
                onChange={(v) => set('year', String(v))}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} disabled={!orgId} loading={busy} onClick={downloadExcel}>
            {t('ledger.download')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!orgId}
            href={orgId ? `/api/v1/ledger/${orgId}/${year}.html` : undefined}
            target="_blank"
            rel="noopener"
          >
            {t('ledger.print')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
