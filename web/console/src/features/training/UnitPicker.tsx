/**
 * 单位选择: the class's units one level at a time (the counties first, a county's townships when opened), so a city of
 * 1,700 villages never loads at once. A county viewer starts at its own county: it may not look above it. The chosen
 * unit shows as its path ("泽州县 / 南村镇").
 */
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Unit } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';

export interface PickedUnit {
  value: string;
  label: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  /** What the field shows once picked: the path from the first level. */
  label: string;
  isLeaf: boolean;
}

const LEAF_AT = { township: new Set(['township', 'village', 'grid']), any: new Set(['village', 'grid']) } as const;

const listUnits = (query: string) => api.get<Unit[]>(`/api/units${query}`);

function toNode(u: Unit, parent: Node | null, deepest: keyof typeof LEAF_AT): Node {
  return { id: u.id, pId: parent?.id ?? null, value: u.id, title: u.name, label: parent ? `${parent.label} / ${u.name}` : u.name, isLeaf: LEAF_AT[deepest].has(u.level) };
}

export function UnitPicker({
  rootUnitId,
  deepest,
  value,
  onChange,
  placeholder,
  width = 280,
  allowClear = true,
  testId,
}: {
  rootUnitId: string;
  /** township: county → township (filters); any: down to villages (a trainee's unit). */
  deepest: keyof typeof LEAF_AT;
  /** Optional so that a Form.Item can supply both. */
  value?: PickedUnit | null;
  onChange?(unit: PickedUnit | null): void;
  placeholder?: string;
  width?: number | string;
  allowClear?: boolean;
  testId?: string;
}) {
  const { me } = useAuth();
  const viewer = me?.role === 'viewer';
  const [nodes, setNodes] = useState<Node[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let gone = false;
    setLoading(true);
    listUnits(viewer ? '' : `?parent=${encodeURIComponent(rootUnitId)}`)
      .then((units) => !gone && setNodes(units.map((u) => toNode(u, null, deepest))))
      .catch(() => !gone && setNodes([]))
      .finally(() => !gone && setLoading(false));
    return () => {
      gone = true;
    };
  }, [rootUnitId, viewer, deepest]);

  const loadData = async (option: { value?: unknown }) => {
    const parent = nodes.find((n) => n.id === String(option.value));
    if (!parent || nodes.some((n) => n.pId === parent.id)) return;
    const children = await listUnits(`?parent=${encodeURIComponent(parent.id)}`).catch(() => [] as Unit[]);
    setNodes((current) => {
      const known = new Set(current.map((n) => n.id));
      const added = children.filter((u) => !known.has(u.id)).map((u) => toNode(u, parent, deepest));
      return added.length > 0 ? [...current, ...added] : current.map((n) => (n.id === parent.id ? { ...n, isLeaf: true } : n));
    });
  };

  return (
    <TreeSelect<PickedUnit>
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      labelInValue
      treeNodeLabelProp="label"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ? { value: v.value, label: typeof v.label === 'string' ? v.label : String(v.label ?? '') } : null)}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      placeholder={placeholder}
      loading={loading}
      style={{ width }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
