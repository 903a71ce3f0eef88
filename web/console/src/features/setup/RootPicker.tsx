/** 活动范围: a city or province already imported, or one imported now from the national division data. */
import { App, Button, Flex, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { setupApi, type Division } from './api.js';
import { setupMessages } from './messages.js';
import { errorText } from '../../api/error-text.js';

export function RootPicker({ value, onChange }: { value: string | null; onChange(unitId: string): void }) {
  const t = useT(setupMessages);
  const stored = useApi(async () => [...(await setupApi.units('?level=province')), ...(await setupApi.units('?level=city'))], []);
  return (
    <Flex vertical gap={12}>
      <Select<string>
        showSearch
        optionFilterProp="label"
        placeholder={t('rootPick')}
        value={value ?? undefined}
        loading={stored.loading}
        style={{ width: 360 }}
        onChange={onChange}
        data-testid="root-select"
        options={(stored.data ?? []).map((u) => ({ value: u.id, label: u.code ? t('nameWithCode', { name: u.name, code: u.code }) : u.name }))}
      />
      <Typography.Text type="secondary">{t('orDivision')}</Typography.Text>
      <DivisionImport onImported={(rootUnitId) => { stored.reload(); onChange(rootUnitId); }} />
    </Flex>
  );
}

/** Province, then a city (or the whole province), then import: stored units are skipped, so it is safe to repeat. */
export function DivisionImport({ onImported }: { onImported(rootUnitId: string): void }) {
  const t = useT(setupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const provinces = useApi(() => setupApi.divisions(), []);
  const [province, setProvince] = useState<string | null>(null);
  const cities = useApi(async () => (province ? (await setupApi.divisions(province)).children : ([] as Division[])), [province]);
  const [division, setDivision] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importDivision = async () => {
    if (!division) return;
    setBusy(true);
    try {
      const r = await setupApi.importDivisions(division);
      message.success(t('imported', { added: r.added, skipped: r.skipped }));
      onImported(r.rootUnitId);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
      <Space wrap>
        <Select<string>
          showSearch
          optionFilterProp="label"
          placeholder={t('divisionPick')}
          style={{ width: 200 }}
          loading={provinces.loading}
          value={province ?? undefined}
          data-testid="division-province"
          onChange={(p) => {
            setProvince(p);
            setDivision(p);
          }}
          options={(provinces.data?.children ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select<string>
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          disabled={!province}
          loading={cities.loading}
          value={division ?? undefined}
          data-testid="division-city"
          onChange={setDivision}
          options={[
            ...(province ? [{ value: province, label: t('wholeProvince', { name: provinces.data?.children.find((p) => p.code === province)?.name ?? '' }) }] : []),
            ...(cities.data ?? []).map((d) => ({ value: d.code, label: d.unitId ? `${d.name} ✓` : d.name })),
          ]}
        />
        <Button onClick={importDivision} loading={busy} disabled={!division} data-testid="division-import">{t('importAndUse')}</Button>
      </Space>
  );
}
