import type { Db } from '../db/connect.ts';
import { tenants } from '../db/schema.ts';
import { AppError } from '../server/errors.ts';

/** The university a command works on: the one named, or the only one there is. */
export async function chooseUniversity(db: Db, code: string | undefined) {
  const all = await db.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants);
  const codes = all.map((t) => t.code).sort();
  if (code) {
    const chosen = all.find((t) => t.code === code);
    if (!chosen)
      throw new AppError('NOT_FOUND', {
        zh: `没有代码为 ${code} 的学校（现有：${codes.join('、') || '无'}）`,
        en: `No university with code ${code} (there are: ${codes.join(', ') || 'none'})`,
      });
    return chosen;
  }
  if (all.length === 0)
    throw new AppError('NOT_FOUND', { zh: '数据库中还没有学校', en: 'The database holds no university yet' });
  if (all.length > 1)
    throw new AppError('BAD_INPUT', {
      zh: `有多所学校，请用 --university 指定：${codes.join('、')}`,
      en: `There are several universities; choose one with --university: ${codes.join(', ')}`,
    });
  return all[0];
}
