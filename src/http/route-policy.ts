/**
 * 权限表: who may call each route, in one place (issue #17). Every route the server serves has an entry here, keyed
 * `METHOD /path` as Fastify registers it; a route without one stops the server at start-up (http/auth.ts), and
 * test/http/authorization.test.ts walks every route × every kind of caller against this table, so no route ships
 * without a decision. Routes declare no access of their own.
 *
 * - 'public': anyone. The page routes are public; what a page shows comes from the API routes it calls.
 * - 'rater': anyone holding a one-time ballot token, which the use case checks (the token rides in the body).
 * - roles: a login (cookie + CSRF) or an access token of one of these roles. A viewer is further confined to its own
 *   unit's subtree and to published results by the use cases (app/policies/unit-scope.ts, results-access.ts).
 */
import { ADMIN, COUNTING, OFFICE, STAFF } from '../app/policies/roles.js';
import type { Role } from '../app/policies/roles.js';

/** public: anyone; rater: anyone holding a ballot token (checked by the use case); otherwise the roles allowed. */
export type Access = 'public' | 'rater' | readonly Role[];

export const ROUTE_POLICY: Readonly<Record<string, Access>> = {
  // health and the OpenAPI document
  'GET /healthz': 'public',
  // logins and accounts
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': STAFF,
  'GET /api/auth/me': STAFF,
  'POST /api/auth/password': STAFF,
  'GET /api/accounts': ADMIN,
  'POST /api/accounts': ADMIN,
  'PATCH /api/accounts/:accountId': ADMIN,
  'POST /api/accounts/:accountId/password': ADMIN,
  'GET /api/accounts/login-locks': ADMIN,
  'POST /api/accounts/login-locks/lift': ADMIN,
  'GET /api/audit': ADMIN,
  'GET /api/audit.csv': ADMIN,
  // units and the national division data
  'GET /api/divisions': OFFICE,
  'POST /api/units/from-divisions': OFFICE,
  'GET /api/units': STAFF,
  'GET /api/units/:unitId': STAFF,
  'POST /api/units': OFFICE,
  'POST /api/units/import': OFFICE,
  // campaigns and their set-up
  'GET /api/campaigns': STAFF,
  'POST /api/campaigns': OFFICE,
  'GET /api/campaigns/:campaignId': STAFF,
  'PUT /api/campaigns/:campaignId': OFFICE,
  'POST /api/campaigns/:campaignId/rater-groups': OFFICE,
  'POST /api/campaigns/:campaignId/instruments': OFFICE,
  'POST /api/campaigns/:campaignId/subjects': OFFICE,
  'POST /api/campaigns/:campaignId/rankings': OFFICE,
  'GET /api/campaigns/:campaignId/check': OFFICE,
  'GET /api/campaigns/:campaignId/export': OFFICE,
  'GET /api/templates/liangshaiping': OFFICE,
  'POST /api/campaigns/check': OFFICE,
  'GET /api/campaigns/:campaignId/rankings': STAFF,
  // sessions, tokens, paper entry and the room
  'GET /api/campaigns/:campaignId/sessions': COUNTING,
  'POST /api/campaigns/:campaignId/sessions': OFFICE,
  'GET /api/sessions/:sessionId': COUNTING,
  'POST /api/sessions/:sessionId/open': OFFICE,
  'POST /api/sessions/:sessionId/close': OFFICE,
  'PUT /api/sessions/:sessionId/present': COUNTING,
  'PUT /api/sessions/:sessionId/paper-issued': COUNTING,
  'POST /api/sessions/:sessionId/tokens': COUNTING,
  'POST /api/sessions/:sessionId/paper-ballots': COUNTING,
  'POST /api/sessions/:sessionId/token-sheets': COUNTING,
  'GET /api/sessions/:sessionId/paper-form': COUNTING,
  'POST /api/sessions/:sessionId/paper-sheet-numbers': COUNTING,
  'GET /api/sessions/:sessionId/paper-ballots/:sheetNumber': COUNTING,
  'POST /api/sessions/:sessionId/paper-verifications': COUNTING,
  'GET /api/sessions/:sessionId/tally-report': COUNTING,
  'GET /api/sessions/:sessionId/tally-report.html': COUNTING,
  'GET /api/sessions/:sessionId/tally-report.xlsx': COUNTING,
  'POST /api/sessions/:sessionId/screen-keys': OFFICE,
  'DELETE /api/sessions/:sessionId/screen-keys': OFFICE,
  'GET /api/sessions/:sessionId/screen': 'public',
  'GET /api/sessions/:sessionId/screen/events': 'public',
  // ballots (the rater holds a one-time token in the body)
  'POST /api/ballots': 'rater',
  'POST /api/ballot-form': 'rater',
  'GET /api/receipts/:sessionId': 'public',
  // results, publication and exports
  'GET /api/campaigns/:campaignId/results': STAFF,
  'GET /api/campaigns/:campaignId/rankings/:rankingId': STAFF,
  'GET /api/campaigns/:campaignId/rankings/:rankingId/units/:unitId': STAFF,
  'GET /api/campaigns/:campaignId/results/:rankingId/units/:unitId/explanation': STAFF,
  'GET /api/campaigns/:campaignId/instruments/:instrumentId/subjects/:subjectId/explanation': STAFF,
  'POST /api/campaigns/:campaignId/publish': OFFICE,
  'GET /api/notices/:campaignId': 'public',
  'GET /api/campaigns/:campaignId/export.xlsx': OFFICE,
  'GET /api/campaigns/:campaignId/report.pdf': OFFICE,
  'POST /api/campaigns/:campaignId/what-if': OFFICE,
  'GET /api/campaigns/:campaignId/rankings/:rankingId/stability': OFFICE,
  // settings
  'GET /api/settings/public-address': COUNTING,
  'PUT /api/settings/public-address': OFFICE,
  // the training class
  'GET /api/training/classes/:classId/agenda.pdf': STAFF,
  'GET /api/training/classes/:classId/attendance.xlsx': STAFF,
  'GET /api/training/classes/:classId/roster.html': COUNTING,
  'GET /api/training/classes': STAFF,
  'POST /api/training/classes': OFFICE,
  'GET /api/training/classes/:classId': STAFF,
  'PATCH /api/training/classes/:classId': OFFICE,
  'POST /api/training/classes/:classId/venues': OFFICE,
  'PUT /api/training/classes/:classId/venues/:venueId': OFFICE,
  'POST /api/training/classes/:classId/lessons': OFFICE,
  'PUT /api/training/classes/:classId/lessons/:lessonId': OFFICE,
  'DELETE /api/training/classes/:classId/lessons/:lessonId': OFFICE,
  'GET /api/training/classes/:classId/participants': STAFF,
  'POST /api/training/classes/:classId/participants': COUNTING,
  'PATCH /api/training/classes/:classId/participants/:participantId': COUNTING,
  'POST /api/training/classes/:classId/participants/import': OFFICE,
  'POST /api/training/classes/:classId/lessons/:lessonId/leave': OFFICE,
  'POST /api/training/classes/:classId/lessons/:lessonId/late-entries': COUNTING,
  'GET /api/training/classes/:classId/lessons/:lessonId/attendance': STAFF,
  'GET /api/training/classes/:classId/lessons/:lessonId/attendance/events': STAFF,
  'GET /api/training/classes/:classId/lessons/:lessonId/venues/:venueId/roster': STAFF,
  'GET /api/training/classes/:classId/lessons/:lessonId/venues/:venueId/screen-link': OFFICE,
  'GET /api/training/classes/:classId/attendance': STAFF,
  // check-in on the trainee's phone and the venue screen (no login: grants, codes and keys are checked by the use cases)
  'POST /api/checkin/grants': 'public',
  'POST /api/checkin/directory': 'public',
  'POST /api/checkin': 'public',
  'POST /api/checkin/mine': 'public',
  'GET /api/checkin-screen/:classId/:lessonId/:venueId/:key': 'public',
  'GET /api/checkin-screen/:classId/:lessonId/:venueId/:key/events': 'public',
  // the case library
  'GET /api/cases': STAFF,
  'POST /api/cases': OFFICE,
  'GET /api/cases/:caseId': STAFF,
  'PUT /api/cases/:caseId': OFFICE,
  // pages and their assets (the page is public; what it shows comes from the routes above)
  'GET /r': 'public',
  'GET /r/': 'public',
  'GET /r/:token': 'public',
  'GET /c/:classId': 'public',
  'GET /c/:classId/:lessonId/:venueId': 'public',
  'GET /assets/:file': 'public',
  'GET /checkin-screen/:classId/:lessonId/:venueId/:key': 'public',
  'GET /checkin-screen/assets/checkin-screen.js': 'public',
  'GET /receipts/:sessionId': 'public',
  'GET /': 'public',
  'GET /console': 'public',
  'GET /console/*': 'public',
  'GET /console/assets/:file': 'public',
  'GET /screen/:sessionId': 'public',
  'GET /clerk/paper': 'public',
  'GET /office/assets/:name': 'public',
  'GET /notice/:campaignId': 'public',
};
