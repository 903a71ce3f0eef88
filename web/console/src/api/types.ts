/**
 * Response types, taken from the API's contracts (src/contracts: type-only imports, erased at build), so the console
 * reads exactly what the server's response schemas declare and no type is written twice.
 */
export type { AccountView, AuditEntry, Credentials, CurrentUser as Me, LoginLock, PasswordReset, Role } from '../../../../src/contracts/accounts.js';
export type { CampaignRecord as CampaignSummary, CampaignWithDefinition, SetupCheck } from '../../../../src/contracts/campaigns.js';
export type { Notice } from '../../../../src/contracts/notice.js';
export type { PaperForm, PaperReceipt, PaperVerification, SheetNumber } from '../../../../src/contracts/paper.js';
export type { PaperEntryRequest } from '../../../../src/contracts/api.js';
export type { BoardRow, RankingBoardView, RankingListView, UnitCardView } from '../../../../src/contracts/ranking-views.js';
export type { StabilityResult, WhatIfResult } from '../../../../src/contracts/results-output.js';
export type { PresentedExplanation, PresentedGroup, PresentedNumber, PresentedSubject, PresentedTally } from '../../../../src/contracts/results.js';
export type { ScreenKey } from '../../../../src/contracts/screen.js';
export type { SessionOverview, SessionVerdict, SessionView } from '../../../../src/contracts/sessions.js';
export type { PublicAddress } from '../../../../src/contracts/settings.js';
export type { TallyReport } from '../../../../src/contracts/tally-report.js';
export type { PaperIssuedInput, SessionRequest } from '../../../../src/contracts/api.js';
export type {
  AttendancePage,
  CheckinRecord,
  ClassInput,
  ClassPatch,
  ClassSummary,
  ImportReport,
  LateEntryInput,
  LeaveInput,
  Lesson,
  LessonAttendance,
  LessonRequest,
  Participant,
  ParticipantInput,
  ParticipantPatch,
  RosterPage,
  TrainingClass,
  Venue,
  VenueInput,
  VenueRoster,
} from '../../../../src/contracts/training.js';
export type { CaseDetail, CaseInput, CaseItemInput, CaseLinkInput, CaseLinkList, CaseLinkView, CaseList, CaseRequest, CaseView } from '../../../../src/contracts/cases.js';
export type { GroupMember, TopicGroupList, TopicGroupView } from '../../../../src/contracts/topic-groups.js';
export type { ReflectionPage, ReflectionState, ReflectionView } from '../../../../src/contracts/reflections.js';
export type { DocumentView } from '../../../../src/contracts/documents.js';
export type { MyReport, ReportBoard, ReportStatus, ReportsCreateRequest, SeminarReport, SeminarSpeaker, SpeakersRequest } from '../../../../src/contracts/seminar.js';
export type { Division, DivisionBrowse, DivisionImport, UnitImport, UnitView as Unit } from '../../../../src/contracts/units.js';
export type { TourProgress, TourReview, TourView } from '../../../../src/contracts/tours.js';
import type { PresentedTally } from '../../../../src/contracts/results.js';
import type { TourView } from '../../../../src/contracts/tours.js';
import type * as tours from '../../../../src/contracts/tours.js';
import type { screenLinkSchema } from '../../../../src/contracts/training.js';
import type { z } from 'zod';

export type Ranking = PresentedTally['rankings'][number];
export type RankingRow = Ranking['rows'][number];
export type InstrumentResult = PresentedTally['instruments'][number];
export type SessionResult = PresentedTally['sessions'][number];
export type InvalidBallot = PresentedTally['invalidBallots'][number];
/** A venue screen's link (培训班 签到): the address to open on the venue's big screen. */
export type ScreenLink = z.output<typeof screenLinkSchema>;

/** 观摩 (features/tours): what the console sends (defaults left to the server) and the parts of what it reads. */
export type TourRequest = z.input<typeof tours.tourInputSchema>;
export type TourPatchRequest = z.input<typeof tours.tourPatchSchema>;
export type ItineraryRequest = z.input<typeof tours.itineraryInputSchema>;
export type ObserverRequest = z.input<typeof tours.observerInputSchema>;
export type ObserverPatchRequest = z.input<typeof tours.observerPatchSchema>;
export type ReviewRequest = z.input<typeof tours.reviewInputSchema>;
export type TourSummary = z.output<typeof tours.tourSummarySchema>;
export type TourObserver = z.output<typeof tours.tourObserverSchema>;
export type TourSite = TourView['sites'][number];
export type ItineraryProblem = TourView['check'][number];
export type ObserverCreated = z.output<typeof tours.observerCreatedSchema>;
export type SheetRevision = z.output<typeof tours.tourSheetViewSchema>;
