/**
 * 参数溯源: for a rule and an org, each parameter's effective value and where it came from — the
 * rule's default, the adopted set that gave it (the stricter when sets disagree), or the override
 * nearest the org, with who set it, when and why — and every candidate it was chosen from.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Form, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { flattenTree, useOrgTree } from '../api/orgs.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useRules, useStandardSets } from './api.ts';
import { atShanghai, colon, inLocale, paramText } from './labels.tsx';
import type { Explanation, OverrideSource } from './types.ts';

type ParamRow = Explanation['params'][number];

export function ExplainPanel({
  rule,
  orgId,
  onChange,
}: {
  rule: string | undefined;
  orgId: string | undefined;
  onChange: (next: { rule?: string; orgId?: string }) => void;
}) {
  const { t, locale } = useI18n();
  const rules = useRules();
  const sets = useStandardSets();
  const tree = useOrgTree();
  const orgNames = useMemo(
    () => new Map([...flattenTree(tree.data?.roots ?? []).values()].map((e) => [e.node.id, e.node.name])),
    [tree.data],
  );
  const setName = (code: string) => {
    const s = sets.data?.items.find((x) => x.code === code);
    return s ? inLocale(locale, s.name) : code;
  };
  const explain = useQuery({
    queryKey: ['compliance', 'explain', rule, orgId],
    queryFn: () => api.get<Explanation>('/compliance/explain', { rule, org: orgId }),
    enabled: Boolean(rule && orgId),
  });

  const scopeOf = (s: OverrideSource) =>
    s.orgId === null ? t('cs.wholeUniversity') : (orgNames.get(s.orgId) ?? s.orgCode ?? s.orgId);
  const overrideText = (s: OverrideSource) =>
    t('cs.sourceOverride', { scope: scopeOf(s), by: s.by ?? '—', at: atShanghai(s.at) });

  const columns: ColumnsType<ParamRow> = [
    {
      title: t('cs.param'),
      key: 'param',
      width: 180,
      render: (_, p) => (
        <div>
          <div>{inLocale(locale, p.spec.label)}</div>
          <Typography.Text type="secondary" code>
            {p.param}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('cs.value'),
      key: 'value',
      width: 120,
      render: (_, p) => <strong data-testid={`explain-value-${p.param}`}>{paramText(locale, p.spec, p.value)}</strong>,
    },
    {
      title: t('cs.source'),
      key: 'source',
      render: (_, p) => (
        <div data-testid={`explain-source-${p.param}`}>
          {p.source.kind === 'default' && <Tag>{t('cs.sourceDefault')}</Tag>}
          {p.source.kind === 'set' && <Tag color="blue">{t('cs.sourceSet', { set: setName(p.source.set) })}</Tag>}
          {p.source.kind === 'override' && (
            <>
              <Tag color="purple">{overrideText(p.source)}</Tag>
              {p.source.reason && (
                <div>
                  <Typography.Text type="secondary">
                    {t('cs.reason')}
                    {colon(locale)}
                    {p.source.reason}
                  </Typography.Text>
                </div>
              )}
            </>
          )}
        </div>
      ),
    },
    {
      title: t('cs.fromSets'),
      key: 'fromSets',
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary">
            {t('cs.default', { value: paramText(locale, p.spec, p.spec.default) })}
          </Typography.Text>
          {p.fromSets.map((s) => (
            <span key={s.set}>
              {setName(s.set)}
              {colon(locale)}
              {paramText(locale, p.spec, s.value)}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('cs.fromOverrides'),
      key: 'fromOverrides',
      render: (_, p) =>
        p.fromOverrides.length === 0 ? (
          '—'
        ) : (
          <Space orientation="vertical" size={0}>
            {p.fromOverrides.map((o) => (
              <span key={o.source.overrideId}>
                {scopeOf(o.source)}
                {colon(locale)}
                {paramText(locale, p.spec, o.value)}
              </span>
            ))}
          </Space>
        ),
    },
  ];

  return (
    <Card title={t('cs.explain')} data-testid="explain-panel">
      <Typography.Paragraph type="secondary">{t('cs.explainHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('cs.rule')}>
              <Select
                aria-label={t('cs.explain') + t('cs.rule')}
                value={rule}
                placeholder={t('cs.pickRule')}
                showSearch={{ optionFilterProp: 'label' }}
                loading={rules.isLoading}
                onChange={(v) => onChange({ rule: v, orgId })}
                options={(rules.data?.items ?? [])
                  .filter((r) => Object.keys(r.params).length > 0)
                  .map((r) => ({ value: r.id, label: `${r.id} ${inLocale(locale, r.title) || r.text}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('cf.org')}>
              <OrgPicker
                aria-label={t('cs.explain') + t('cf.org')}
                placeholder={t('cs.pickOrg')}
                value={orgId}
                onChange={(v) => onChange({ rule, orgId: v })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {rule && orgId ? (
        <QueryState query={explain}>
          {() => (
            <Table<ParamRow>
              data-testid="explain-table"
              rowKey="param"
              size="small"
              pagination={false}
              scroll={{ x: 800 }}
              dataSource={explain.data?.params ?? []}
              columns={columns}
              locale={{ emptyText: t('cs.noParams') }}
            />
          )}
        </QueryState>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${t('cs.pickRule')} / ${t('cs.pickOrg')}`} />
      )}
    </Card>
  );
}
