/**
 * 问题清单: the findings of any org subtree, filtered by severity, rule, family, period and status,
 * paged, and exported to Excel with the same filters. Filters live in the address so a filtered
 * list can be linked (the dashboard and score card do).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, download } from '../api/client.ts';
import { showApiError } from '../components/forms.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useRules } from './api.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { familyOptions, inLocale } from './labels.tsx';
import { type FindingItem, families, severities } from './types.ts';

const filterKeys = ['org', 'severity', 'rule', 'family', 'period', 'status', 'q'] as const;

export default function FindingsPage() {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState(params.get('period') ?? '');
  const [q, setQ] = useState(params.get('q') ?? '');
  const [exporting, setExporting] = useState(false);
  const rules = useRules();
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 50);

  const list = useQuery({
    queryKey: ['compliance', 'findings', filters, page, pageSize],
    queryFn: () =>
      api.get<{ items: FindingItem[]; total: number }>('/compliance/findings', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await download('/compliance/findings.xlsx', filters, t('cf.fileName'));
    } catch (e) {
      showApiError(e, message);
    } finally {
      setExporting(false);
    }
  };

  const ruleOptions = (rules.data?.items ?? [])
    .filter((r) => r.implemented && (!filters.family || r.family === filters.family))
    .map((r) => ({ value: r.id, label: `${r.id} ${inLocale(locale, r.title)}` }));

  return (
    <Card
      title={t('cf.title')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportExcel} loading={exporting}>
          {t('common.exportExcel')}
        </Button>
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={6}>
          <OrgPicker
            aria-label={t('cf.subtree')}
            placeholder={t('cf.subtree')}
            allowClear
            value={filters.org}
            onChange={(v) => set({ org: v })}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('cf.severity')}
            placeholder={t('cf.severity')}
            allowClear
            value={filters.severity}
            onChange={(v) => set({ severity: v })}
            options={severities.map((s) => ({ value: s, label: t.label('severity', s) }))}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Select
            aria-label={t('cf.status')}
            value={filters.status ?? 'open'}
            onChange={(v) => set({ status: v === 'open' ? undefined : v })}
            options={[
              { value: 'open', label: t('findingStatus.open') },
              { value: 'resolved', label: t('findingStatus.resolved') },
              { value: 'all', label: t('common.all') },
            ]}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={8} xl={4}>
          <Select
            aria-label={t('cf.family')}
            placeholder={t('cf.family')}
            allowClear
            value={filters.family}
            onChange={(v) => set({ family: v, rule: undefined })}
            options={familyOptions(t, families)}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} md={8} xl={4}>
          <Select
            aria-label={t('cf.rule')}
            placeholder={t('cf.rule')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.rule}
            onChange={(v) => set({ rule: v })}
            loading={rules.isLoading}
            options={ruleOptions}
            popupMatchSelectWidth={false}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Input.Search
            aria-label={t('cf.period')}
            placeholder={t('cf.periodHint')}
            allowClear
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            onSearch={(v) => set({ period: v.trim() })}
          />
        </Col>
        <Col xs={12} md={12} xl={6}>
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set({ q: v.trim() })}
          />
        </Col>
        <Col xs={24} md={4} xl={2}>
          <Button
            onClick={() => {
              setPeriod('');
              setQ('');
              setParams(new URLSearchParams());
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
      <FindingsTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        emptyText={list.isError ? (list.error as Error).message : t('cf.none')}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(s !== pageSize ? 1 : p));
            next.set('pageSize', String(s));
            setParams(next);
          },
        }}
      />
    </Card>
  );
}
