import type { AccessTokensTable, AccountsTable, LoginFailuresTable, LoginSessionsTable, ScreenKeysTable } from './accounts.js';
import type { AuditLogTable } from './audit-log.js';
import type { BallotSegmentsTable } from './ballot-segments.js';
import type { BallotContentsTable, BallotsTable } from './ballots.js';
import type { CampaignsTable } from './campaigns.js';
import type { PaperSheetNumbersTable } from './paper-sheet-numbers.js';
import type { PublicationsTable } from './publications.js';
import type { InstrumentsTable, RankingsTable, RaterGroupsTable, SubjectsTable } from './definition-parts.js';
import type { SessionsTable } from './sessions.js';
import type { SettingsTable } from './settings.js';
import type { TokensTable } from './tokens.js';
import type { UnitsTable } from './units.js';

export type * from './accounts.js';
export type * from './audit-log.js';
export type * from './ballot-segments.js';
export type * from './ballots.js';
export type * from './campaigns.js';
export type * from './paper-sheet-numbers.js';
export type * from './publications.js';
export type * from './definition-parts.js';
export type * from './sessions.js';
export type * from './settings.js';
export type * from './tokens.js';
export type * from './units.js';

export interface Schema {
  units: UnitsTable;
  campaigns: CampaignsTable;
  subjects: SubjectsTable;
  rater_groups: RaterGroupsTable;
  instruments: InstrumentsTable;
  rankings: RankingsTable;
  sessions: SessionsTable;
  tokens: TokensTable;
  ballots: BallotsTable;
  ballot_contents: BallotContentsTable;
  ballot_segments: BallotSegmentsTable;
  audit_log: AuditLogTable;
  accounts: AccountsTable;
  access_tokens: AccessTokensTable;
  screen_keys: ScreenKeysTable;
  publications: PublicationsTable;
  login_sessions: LoginSessionsTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  paper_sheet_numbers: PaperSheetNumbersTable;
}
