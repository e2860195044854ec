/**
 * 标准与参数: the standard sets the university adopts, its parameter overrides (whole university or
 * a subtree, each with a reason), and the explain panel. Organization-department admins change
 * them; everyone else reads. The explain panel's rule and org are in the address (?rule=&org=).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Checkbox, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import { useOrgTree } from '../api/orgs.ts';
import { useSession } from '../auth/session.tsx';
import { QueryState } from '../components/QueryState.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useComplianceConfig, useRules, useStandardSets } from './api.ts';
import { ExplainPanel } from './ExplainPanel.tsx';
import { atShanghai, inLocale, paramText } from './labels.tsx';
import { OverrideDialog, type SavedOverride } from './OverrideDialog.tsx';
import type { ComplianceConfig, OverrideView, StandardSetView } from './types.ts';

function SetsCard({ config, onConflict }: { config: ComplianceConfig; onConflict: () => void }) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const sets = useStandardSets();
  const [chosen, setChosen] = useState<string[]>(config.standardSets);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A reloaded configuration (after a save or a conflict: a new version) replaces what was being edited.
  const [readVersion, setReadVersion] = useState(config.version);
  if (readVersion !== config.version) {
    setReadVersion(config.version);
    setChosen(config.standardSets);
  }
  const dirty = [...chosen].sort().join() !== [...config.standardSets].sort().join();

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.put('/compliance/config', {
        university: config.tenantId,
        standardSets: chosen,
        version: config.version,
      });
      message.success(t('cs.setsSaved'));
      await queryClient.invalidateQueries({ queryKey: ['compliance'] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setProblem(`${e.message} ${t('cs.conflict')}`);
        onConflict();
      } else if (e instanceof ApiError && e.status === 400) {
        setProblem(Object.values(e.fieldIssues()).join('；') || e.message);
      } else setProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<StandardSetView> = [
    {
      title: t('cs.adopted'),
      key: 'adopted',
      width: 70,
      render: (_, s) => (
        <Checkbox
          aria-label={s.code}
          checked={chosen.includes(s.code)}
          disabled={!config.canEdit}
          onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.code] : c.filter((x) => x !== s.code)))}
        />
      ),
    },
    {
      title: t('cs.setName'),
      key: 'name',
      render: (_, s) => (
        <div>
          <div>{inLocale(locale, s.name)}</div>
          <Typography.Text type="secondary" code>
            {s.code}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('cs.document'), key: 'document', render: (_, s) => inLocale(locale, s.document) },
    { title: t('cs.ruleCount'), key: 'rules', width: 80, align: 'right', render: (_, s) => s.rules.length },
  ];

  return (
    <Card
      title={t('cs.sets')}
      extra={
        config.canEdit && (
          <Button type="primary" disabled={!dirty || chosen.length === 0} loading={busy} onClick={save}>
            {t('cs.saveSets')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('cs.setsHint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <QueryState query={sets}>
        {() => (
          <Table<StandardSetView>
            data-testid="standard-sets"
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={sets.data?.items ?? []}
            columns={columns}
          />
        )}
      </QueryState>
    </Card>
  );
}

function OverridesCard({
  config,
  onExplain,
  onConflict,
}: {
  config: ComplianceConfig;
  onExplain: (o: SavedOverride) => void;
  onConflict: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const rules = useRules();
  const [dialog, setDialog] = useState<{ editing?: OverrideView } | null>(null);
  const ruleOf = (id: string) => rules.data?.items.find((r) => r.id === id);

  const remove = async (o: OverrideView) => {
    try {
      await api.del(`/compliance/overrides/${o.id}?version=${o.version}`);
      message.success(t('cs.removed'));
    } catch (e) {
      message.error({ content: (e as Error).message, duration: e instanceof ApiError && e.status === 409 ? 8 : 3 });
    }
    await queryClient.invalidateQueries({ queryKey: ['compliance'] });
  };

  const columns: ColumnsType<OverrideView> = [
    {
      title: t('cs.rule'),
      key: 'rule',
      render: (_, o) => (
        <div>
          <Tag>{o.rule}</Tag>
          {inLocale(locale, ruleOf(o.rule)?.title)}
        </div>
      ),
    },
    {
      title: t('cs.scope'),
      key: 'scope',
      width: 160,
      render: (_, o) => o.orgName ?? (o.orgId ? o.orgCode : t('cs.wholeUniversity')),
    },
    {
      title: t('cs.values'),
      key: 'values',
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          {Object.entries(o.values).map(([param, value]) => {
            const spec = ruleOf(o.rule)?.params[param];
            return (
              <span key={param}>
                {spec ? inLocale(locale, spec.label) : param} = <strong>{paramText(locale, spec, value)}</strong>
              </span>
            );
          })}
        </Space>
      ),
    },
    { title: t('cs.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
    {
      title: t('cs.by'),
      key: 'by',
      width: 160,
      render: (_, o) => (
        <div>
          <div>{o.updatedByName ?? '—'}</div>
          <Typography.Text type="secondary">{atShanghai(o.updatedAt)}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, o) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => onExplain({ rule: o.rule, orgId: o.orgId })}>
            {t('cs.explainThis')}
          </Button>
          {config.canEdit && (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ editing: o })}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('cs.removeConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove(o)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                  {t('cs.removeOverride')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('cs.overrides')}
      extra={
        config.canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {t('cs.addOverride')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('cs.overridesHint')}</Typography.Paragraph>
      <Table<OverrideView>
        data-testid="overrides"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={config.overrides}
        columns={columns}
        locale={{ emptyText: t('cs.noOverrides') }}
      />
      {dialog && (
        <OverrideDialog
          editing={dialog.editing}
          university={config.tenantId}
          onClose={() => setDialog(null)}
          onConflict={onConflict}
          onSaved={async (saved) => {
            setDialog(null);
            message.success(t('common.saved'));
            await queryClient.invalidateQueries({ queryKey: ['compliance'] });
            onExplain(saved);
          }}
        />
      )}
    </Card>
  );
}

export default function StandardsPage() {
  const { t } = useI18n();
  const { account } = useSession();
  const tree = useOrgTree();
  const roots = tree.data?.roots ?? [];
  // Those who belong to no university look at one of those in their tree (a university's org id is its tenant id).
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const university = account?.tenantId ? undefined : (picked ?? roots[0]?.id);
  const config = useComplianceConfig(university, Boolean(account?.tenantId || university));
  const [params, setParams] = useSearchParams();
  const rule = params.get('rule') ?? undefined;
  const orgId = params.get('org') ?? undefined;
  const setExplain = (next: { rule?: string; orgId?: string }) => {
    const p = new URLSearchParams(params);
    if (next.rule) p.set('rule', next.rule);
    else p.delete('rule');
    if (next.orgId) p.set('org', next.orgId);
    else p.delete('org');
    setParams(p, { replace: true });
  };
  // An override for the whole university is explained at the university itself.
  const explainOverride = (o: SavedOverride) =>
    setExplain({ rule: o.rule, orgId: o.orgId ?? config.data?.tenantId ?? tree.data?.roots[0]?.id });
  const reload = () => config.refetch();

  return (
    <QueryState query={config}>
      {() => {
        const data = config.data;
        // Waiting for the tree that says which university (the query is not enabled yet).
        if (!data) return null;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('cs.title')} · {data.universityName}
              </Typography.Title>
              {!account?.tenantId && roots.length > 1 && (
                <Select
                  aria-label={t('entity.university')}
                  value={university}
                  onChange={setPicked}
                  options={roots.map((r) => ({ value: r.id, label: r.name }))}
                  style={{ minWidth: 220 }}
                />
              )}
            </Space>
            {!data.canEdit && <Alert type="info" showIcon title={t('cs.readOnly')} />}
            <SetsCard config={data} onConflict={reload} />
            <OverridesCard config={data} onExplain={explainOverride} onConflict={reload} />
            <ExplainPanel rule={rule} orgId={orgId} onChange={setExplain} />
          </Space>
        );
      }}
    </QueryState>
  );
}
