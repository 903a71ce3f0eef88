/**
 * A topic group as the API shows it. Everyone who may read the class sees every group, its topic and its output; a
 * county (or township) viewer sees the names of its own people only — a member from elsewhere shows by unit and post,
 * as the roster would not show them that person either.
 */
import type { GroupMember, TopicGroupView } from '../../contracts/topic-groups.js';
import type { ParticipantRow } from '../../db/repositories/training.js';
import type { TopicGroupRow } from '../../db/repositories/topic-groups.js';
import type { ClassUnits } from '../training/class-units.js';

export function presentMember(p: ParticipantRow, units: ClassUnits, scope: string | null): GroupMember {
  const visible = scope === null || units.within(p.unit_id, scope);
  return { id: p.id, name: visible ? p.name : null, unitName: units.name(p.unit_id), unitPath: units.path(p.unit_id), post: p.post };
}

/** Members in roster order of unit path, then name. */
export function presentTopicGroup(row: TopicGroupRow, members: readonly ParticipantRow[], units: ClassUnits, scope: string | null): TopicGroupView {
  const sorted = [...members].sort((a, b) => units.path(a.unit_id).localeCompare(units.path(b.unit_id), 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  const reporter = row.reporter_id ? (members.find((m) => m.id === row.reporter_id) ?? null) : null;
  return {
    id: row.id,
    position: row.position,
    topic: row.topic,
    reporter: reporter ? presentMember(reporter, units, scope) : null,
    output: row.output,
    best: row.best === 1,
    updatedAt: row.updated_at,
    members: sorted.map((m) => presentMember(m, units, scope)),
  };
}
