/** A branch's score card on its own page (?org=), reached from the org page and by picking a branch. */
import { Card, Form, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Scorecard } from './Scorecard.tsx';

export default function ScorecardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('sc.title')}>
        <Form layout="vertical">
          <Form.Item label={t('sc.branch')} style={{ maxWidth: 480, marginBottom: 0 }}>
            <OrgPicker
              aria-label={t('sc.branch')}
              placeholder={t('sc.pickBranch')}
              kinds={['branch']}
              value={orgId}
              onChange={(v) => setParams(v ? { org: v } : {}, { replace: true })}
            />
          </Form.Item>
        </Form>
      </Card>
      {orgId && <Scorecard orgId={orgId} />}
    </Space>
  );
}
