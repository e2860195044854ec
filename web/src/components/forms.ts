/** Puts an API error where the user looks: field reasons on their fields, the rest in a toast. */
import type { FormInstance } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiError } from '../api/client.ts';

/** Maps `body.membership.orgId` → ['membership', 'orgId'] and sets the reason on that field. */
export function showApiError(error: unknown, message: MessageInstance, form?: FormInstance): void {
  if (!(error instanceof ApiError)) {
    message.error(String((error as Error)?.message ?? error));
    return;
  }
  let unplaced = true;
  if (form && Array.isArray(error.details)) {
    const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    let missed = 0;
    for (const d of error.details as { field?: string; reason?: string }[]) {
      const name = (d?.field ?? '').split('.').filter((p) => p !== 'body' && p !== 'query');
      if (!name.length || !known.has(String(name[0]))) {
        missed++;
        continue;
      }
      fields.push({ name: name.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.reason ?? ''] });
    }
    if (fields.length) form.setFields(fields);
    // The reasons sit on their fields; a toast would only repeat them with technical paths.
    unplaced = fields.length === 0 || missed > 0;
  }
  // A conflict needs reading: someone else changed the record, the page reloads it.
  if (unplaced) message.error({ content: error.message, duration: error.status === 409 ? 8 : 3 });
}

export const toIsoDate = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
export const fromIsoDate = (s: string | null | undefined): Dayjs | null => (s ? dayjs(s) : null);

/** Drops empty strings so optional fields are sent as null, not as "". */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}
