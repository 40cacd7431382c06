import type { Role } from '@preauth/domain';

/**
 * Who may call each route, keyed `METHOD /full/path` with the `api` prefix and Nest's `:param`
 * syntax. The global AuthGuard looks every request up here: a route missing from this table is
 * refused (403) for everyone, and test/authorization-matrix.integration-spec.ts fails for any
 * route in the OpenAPI document that is not listed, so a new endpoint cannot ship open by mistake.
 *
 * 'public' routes answer without a session and must also carry @Public().
 * Object-level rules (which case a user may see) and field-level rules (field-rules.ts) come on
 * top of this table, in the services.
 */
export type RouteAccess = readonly Role[] | 'public';

const ALL: readonly Role[] = ['front_desk', 'physician', 'manager', 'admin'];
// The people who work cases; admins run the system and never need patient data.
const CLINIC: readonly Role[] = ['front_desk', 'physician', 'manager'];
const ADMIN: readonly Role[] = ['admin'];
const MANAGEMENT: readonly Role[] = ['manager', 'admin'];
const PHYSICIAN: readonly Role[] = ['physician'];
// Aggregates without patient names; the CSV export is audited.
const REPORTS: readonly Role[] = ['manager', 'admin'];

export const AUTHORIZATION_MATRIX: Record<string, RouteAccess> = {
  'GET /api/health': 'public',

  // Sign-in and the signed-in user's own account.
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/totp/setup': ALL,
  'POST /api/auth/totp/enable': ALL,
  'POST /api/auth/totp/disable': ALL,
  'GET /api/auth/totp/recovery-codes': ALL,
  'POST /api/auth/totp/recovery-codes': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/auth/sessions': ALL,
  'DELETE /api/auth/sessions/:id': ALL,
  'GET /api/auth/policy': ADMIN,
  'PUT /api/auth/policy': ADMIN,
  'PUT /api/auth/policy/signing': ADMIN,

  // User administration.
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'GET /api/users/:id': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/password-reset': ADMIN,
  'POST /api/users/:id/sessions/end': ADMIN,
  // The invitee, before they have a password: the link's token is the credential.
  'POST /api/invitations/lookup': 'public',
  'POST /api/invitations/accept': 'public',

  // Background jobs: recent runs and failures (names, times, error messages; no patient data).
  'GET /api/admin/jobs': ADMIN,
  // The practice's letterhead: everyone signed in reads it (letters print it), admins set it.
  'GET /api/clinic-profile': ALL,
  'PUT /api/clinic-profile': ADMIN,
  'GET /api/clinic-profile/logo': ALL,
  'PUT /api/clinic-profile/logo': ADMIN,
  'DELETE /api/clinic-profile/logo': ADMIN,

  // The PHI audit trail.
  'GET /api/audit': MANAGEMENT,
  'GET /api/audit/users': MANAGEMENT,
  'POST /api/audit/verify': MANAGEMENT,

  // Cases (object-level checks in the cases service).
  'GET /api/cases': CLINIC,
  'GET /api/cases/count': CLINIC,
  'GET /api/cases/export': CLINIC,
  'POST /api/cases': CLINIC,
  'GET /api/cases/:id': CLINIC,
  'PATCH /api/cases/:id': CLINIC,
  'GET /api/cases/:id/readiness': CLINIC,
  'POST /api/cases/:id/transitions': CLINIC,
  // The recorder undoes their own step; managers correct and reverse (rules in libs/domain).
  'POST /api/cases/:id/events/:eventId/undo': CLINIC,
  'POST /api/cases/:id/events/:eventId/reversal': ['manager'],
  'POST /api/cases/:id/events/:eventId/correction': ['manager'],
  // The desk books the approved procedure and the physician performs it (libs/domain PROCEDURE_ROLES).
  'POST /api/cases/:id/procedure/schedule': ['front_desk', 'physician'],
  'POST /api/cases/:id/procedure/performed': ['front_desk', 'physician'],

  // Owners, tasks and notifications (object-level rules in the work service).
  'GET /api/staff': CLINIC,
  'GET /api/cases/:id/work': CLINIC,
  'PUT /api/cases/:id/owner': CLINIC,
  'POST /api/cases/:id/tasks': CLINIC,
  'PUT /api/cases/:id/follow-up': CLINIC,
  // The same changes to selected cases, each checked by the single change's rule.
  'POST /api/cases/bulk/owner': CLINIC,
  'POST /api/cases/bulk/follow-up': CLINIC,
  'POST /api/cases/bulk/tag': CLINIC,
  // The clinic's labels on cases (libs/domain case-tags.ts) and the ones in use, for autocomplete.
  'GET /api/cases/tags': CLINIC,
  'POST /api/cases/:id/tags': CLINIC,
  'DELETE /api/cases/:id/tags/:tag': CLINIC,
  'POST /api/cases/:id/payer-calls': CLINIC,
  'GET /api/follow-ups': CLINIC,
  'GET /api/tasks': CLINIC,
  'POST /api/tasks/:id/done': CLINIC,
  'POST /api/tasks/:id/cancel': CLINIC,
  'GET /api/notifications': ALL,
  'POST /api/notifications/read-all': ALL,
  'POST /api/notifications/:id/read': ALL,
  // Each user's own email choices (no user id in the path: self only).
  'GET /api/notifications/preferences': ALL,
  'PUT /api/notifications/preferences': ALL,
  // The clinic's warning lead times and digest hour.
  'GET /api/notification-settings': MANAGEMENT,
  'PUT /api/notification-settings': MANAGEMENT,

  // Each user's saved list views (the service touches only the caller's own).
  'GET /api/saved-views': CLINIC,
  'POST /api/saved-views': CLINIC,
  'PATCH /api/saved-views/:id': CLINIC,
  'DELETE /api/saved-views/:id': CLINIC,

  // Letters of medical necessity and appeal letters (PHI): the clinic reads them, physicians
  // draft, edit and sign them (letters.service also calls assertMaySignLetters).
  'GET /api/cases/:id/letters': CLINIC,
  'POST /api/cases/:id/letters': PHYSICIAN,
  'GET /api/cases/:id/letters/signer': PHYSICIAN,
  'GET /api/cases/:id/letters/:letterId': CLINIC,
  'PATCH /api/cases/:id/letters/:letterId': PHYSICIAN,
  'POST /api/cases/:id/letters/:letterId/sign': PHYSICIAN,
  'GET /api/cases/:id/packet': CLINIC,

  // Da Vinci PAS (FHIR R4): export the request; payer answers are recorded by those who record
  // payer responses (the transitions table checks the same roles again).
  'GET /api/cases/:id/fhir': CLINIC,
  'POST /api/cases/:id/fhir/claim-response': ['front_desk', 'manager'],
  'POST /api/cases/:id/fhir/submit': ['front_desk', 'manager'],
  'GET /api/cases/:id/fhir/exchanges': CLINIC,
  'GET /api/payers/:id/pas-endpoint': MANAGEMENT,
  'PUT /api/payers/:id/pas-endpoint': MANAGEMENT,
  // A payer's PAS subscription notifications: no session; the subscription's bearer token.
  'POST /api/pas/subscriptions/:id/notification': 'public',

  // Evidence on a case (which note kinds a role may write: notes.service; photo deletion: photos.service).
  'GET /api/cases/:id/notes': CLINIC,
  'POST /api/cases/:id/notes': CLINIC,
  'POST /api/notes/:id/versions': CLINIC,
  'GET /api/cases/:id/photos': CLINIC,
  // Physicians take and upload clinical photos (PHOTO_UPLOADERS in @preauth/domain).
  'POST /api/cases/:id/photos': PHYSICIAN,
  'DELETE /api/cases/:id/photos/:photoId': CLINIC,
  'GET /api/photos/:id': CLINIC,
  'GET /api/photos/:id/thumbnail': CLINIC,

  // Payer letters and faxes: the front desk and managers file them (PAYER_DOCUMENT_FILERS), the clinic reads them.
  'POST /api/cases/:id/documents': ['front_desk', 'manager'],
  'GET /api/cases/:id/documents': CLINIC,
  'GET /api/documents/:id/file': CLINIC,

  // Self-pay: the estimate and the waiver the patient signs on the clinic's tablet (WAIVER_COLLECTORS).
  'GET /api/cases/:id/self-pay': CLINIC,
  'POST /api/cases/:id/waiver': CLINIC,
  'GET /api/waivers/:id/file': CLINIC,

  // Management reports: aggregates, plus CSV export (audited).
  'GET /api/reports/summary': REPORTS,
  'GET /api/reports/decision-times': REPORTS,
  'GET /api/reports/by-payer': REPORTS,
  'GET /api/reports/by-cpt': REPORTS,
  'GET /api/reports/by-physician': REPORTS,
  'GET /api/reports/by-denial-reason': REPORTS,
  'GET /api/reports/trend': REPORTS,
  'GET /api/reports/overturn-by-payer': REPORTS,
  'GET /api/reports/overturn-by-reason': REPORTS,
  'GET /api/reports/late-payers': REPORTS,
  'GET /api/reports/clinic-misses': REPORTS,
  'GET /api/reports/self-pay': REPORTS,
  'GET /api/reports/export': REPORTS,

  // Patients hold PHI: only the people who work cases.
  'GET /api/patients': CLINIC,
  'POST /api/patients': CLINIC,
  'GET /api/patients/:id': CLINIC,
  'PATCH /api/patients/:id': CLINIC,

  // Reference data: everyone reads it, managers and admins maintain it.
  'GET /api/payers': ALL,
  'POST /api/payers': MANAGEMENT,
  'GET /api/payers/:id': ALL,
  'PATCH /api/payers/:id': MANAGEMENT,
  'DELETE /api/payers/:id': MANAGEMENT,
  // Payer rules: everyone reads them (the checklist and the new-case form cite them), managers write.
  'GET /api/payer-rules': ALL,
  'GET /api/payer-rules/lookup': ALL,
  'GET /api/payer-rules/versions': ALL,
  'GET /api/payer-rules/export': ALL,
  'POST /api/payer-rules/import': MANAGEMENT,
  'GET /api/payer-rules/:id': ALL,
  'POST /api/payer-rules': MANAGEMENT,
  'GET /api/providers': ALL,
  'POST /api/providers': MANAGEMENT,
  'GET /api/providers/physician-users': MANAGEMENT,
  'GET /api/providers/:id': ALL,
  'PATCH /api/providers/:id': MANAGEMENT,
  'GET /api/codes/cpt': ALL,
  'GET /api/codes/icd10': ALL,
  'GET /api/codes/carc': ALL,
  'POST /api/codes/carc': ['manager'],
  'GET /api/codes/icd10/releases': ALL,
  'GET /api/codes/icd10/terms': ALL,
  'POST /api/codes/icd10/terms': MANAGEMENT,
  'PATCH /api/codes/icd10/terms/:id': MANAGEMENT,
  'DELETE /api/codes/icd10/terms/:id': MANAGEMENT,
  'GET /api/deadline-rules': ALL,
  'POST /api/deadline-rules/:planType/preview': MANAGEMENT,
  'PUT /api/deadline-rules/:planType': MANAGEMENT,
};

export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
