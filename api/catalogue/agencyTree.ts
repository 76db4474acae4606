import { AppError } from '../errors.js';
import type { Agency, AgencyConfig, AgencyLevel } from './types.js';

const LEVELS: readonly AgencyLevel[] = ['province', 'district', 'commune'];

/**
 * Flatten a configured agency tree into rows, parents before children. Rejects
 * what would break routing or dossier codes: duplicate ids or unit codes, a
 * missing field, an unknown level.
 */
export function flattenAgencyTree(root: AgencyConfig): Agency[] {
  const agencies: Agency[] = [];
  const ids = new Set<string>();
  const unitCodes = new Set<string>();
  const visit = (node: AgencyConfig, parentId: string | null, path: string): void => {
    for (const field of ['id', 'unitCode', 'name', 'kind'] as const) {
      if (typeof node[field] !== 'string' || node[field].trim() === '') {
        throw new AppError('BAD_REQUEST', `Cơ quan tại ${path} thiếu trường «${field}».`);
      }
    }
    if (!LEVELS.includes(node.level)) {
      throw new AppError('BAD_REQUEST', `Cơ quan «${node.id}» có cấp «${String(node.level)}» không hợp lệ; cấp phải là ${LEVELS.join(', ')}.`);
    }
    if (ids.has(node.id)) throw new AppError('BAD_REQUEST', `Mã cơ quan «${node.id}» bị trùng.`);
    if (unitCodes.has(node.unitCode)) throw new AppError('BAD_REQUEST', `Mã định danh «${node.unitCode}» bị trùng (cơ quan «${node.id}»).`);
    ids.add(node.id);
    unitCodes.add(node.unitCode);
    agencies.push({
      id: node.id,
      parentId,
      unitCode: node.unitCode,
      name: node.name,
      level: node.level,
      kind: node.kind,
      address: node.address ?? null,
      email: node.email ?? null,
      phone: node.phone ?? null,
      receivesDossiers: node.receivesDossiers ?? false,
    });
    (node.children ?? []).forEach((child, index) => visit(child, node.id, `${path}.children[${index}]`));
  };
  visit(root, null, 'root');
  return agencies;
}
