/**
 * 示例座谈会: the Jincheng class's 12 speakers and 65 written reports (demo/jincheng-seminar.ts). The submitted and
 * accepted reports each get a generated PDF, stored through the file store as an upload would be, before the demo's
 * transaction; the rows are written in it.
 */
import { insertDocuments, type DocumentRow } from '../../db/repositories/documents.js';
import { insertReportRows, replaceSpeakerRows } from '../../db/repositories/seminar.js';
import type { Db } from '../../db/database.js';
import { SEMINAR_REPORT_TITLE, type JinchengSeminar } from '../../demo/jincheng-seminar.js';
import { FILE_KINDS } from '../../domain/documents/file-kinds.js';
import type { AppContext } from '../context.js';
import { storeBytes } from '../kernel/file-store.js';
import { DemoReportPdfs } from './demo-report-pdf.js';

const iso = (chinaTime: string | null): string | null => (chinaTime === null ? null : new Date(chinaTime).toISOString());

/** Renders and stores the PDFs of the reports handed in; answers their document rows. */
export async function prepareDemoReportFiles(ctx: AppContext, classId: string, seminar: JinchengSeminar): Promise<DocumentRow[]> {
  const handedIn = seminar.reports.flatMap((r) => (r.status !== 'missing' && r.submittedAt !== null ? [{ report: r, text: { place: r.place, title: SEMINAR_REPORT_TITLE, submittedAt: r.submittedAt } }] : []));
  const pdfs = new DemoReportPdfs(handedIn.map((h) => h.text));
  const rows: DocumentRow[] = [];
  for (const { report: r, text } of handedIn) {
    const bytes = await pdfs.render(text);
    rows.push({
      id: `doc-${r.id}`,
      sha256: await storeBytes(ctx.files, bytes),
      size: bytes.length,
      media_type: FILE_KINDS.pdf.mediaType,
      file_name: `${r.place.replace(' ', '')}书面交流材料.pdf`,
      owner_kind: 'seminar_report',
      owner_id: r.id,
      class_id: classId,
      uploaded_by: 'system',
      uploaded_at: iso(r.submittedAt)!,
      removed_at: null,
      removed_by: null,
    });
  }
  return rows;
}

export async function storeDemoSeminar(trx: Db, classId: string, seminar: JinchengSeminar, documents: readonly DocumentRow[]): Promise<void> {
  await replaceSpeakerRows(
    trx,
    classId,
    seminar.speakers.map((s, i) => ({ class_id: classId, id: s.id, position: i + 1, name: s.name, unit_id: s.unitId, post: s.post, topic: s.topic })),
  );
  await insertReportRows(
    trx,
    seminar.reports.map((r) => ({
      class_id: classId,
      id: r.id,
      unit_id: r.unitId,
      title: SEMINAR_REPORT_TITLE,
      note: '',
      status: r.status,
      submitted_at: iso(r.submittedAt),
      submitted_by: r.submittedAt ? 'system' : null,
      accepted_at: iso(r.acceptedAt),
      accepted_by: r.acceptedAt ? 'system' : null,
      reminded_at: iso(r.remindedAt),
      reminders: r.reminders,
    })),
  );
  await insertDocuments(trx, documents);
}
