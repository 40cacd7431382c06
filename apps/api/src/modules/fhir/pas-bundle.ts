import {
  findCpt,
  icd10Descriptions,
  X12_CERTIFICATION_TYPES,
  x12ServiceTypeForCpt,
  type CaseStatus,
  type X12CertificationType,
} from '@preauth/domain';
import type { CaseDossier } from '../letters/case-dossier';
import type { LetterDto } from '../letters/dto/letter.dto';
import { claimIdFor, PAS_TRN_SYSTEM } from './pas-identity';
import {
  buildDocuments,
  buildParties,
  FHIR_SYSTEMS,
  PAS_EXT,
  PAS_PROFILES,
  PAS_TEMP_CODES,
  ref,
  X12,
  type FhirResource,
  type PasDocument,
  type PhotoContent,
} from './pas-resources';

// A Da Vinci PAS 2.2.1 request Bundle (PASRequestBundle): the Claim first, then everything it
// references. A case's first request is a PASClaim whose id and identifier stay the same on every
// export; what follows it (more information, an appeal, an extension, a cancellation) is a
// PASClaimUpdate naming that Claim in related.claim, carried in the same Bundle.

export { FHIR_SYSTEMS, PAS_PROFILES } from './pas-resources';

export const REQUEST_PURPOSES = ['initial', 'information', 'appeal', 'extension', 'cancel'] as const;
export type RequestPurpose = (typeof REQUEST_PURPOSES)[number];

/** What an export of a case in this status requests, unless the desk asks for something else. */
export function defaultPurpose(status: CaseStatus): RequestPurpose {
  switch (status) {
    case 'more_info_requested':
      return 'information';
    case 'appealed':
    case 'external_review':
      return 'appeal';
    case 'withdrawn':
      return 'cancel';
    case 'documented':
    case 'submitted':
    case 'approved':
    case 'partially_approved':
    case 'denied':
    case 'peer_to_peer':
    case 'self_pay':
    case 'expired':
    case 'completed':
      return 'initial';
  }
}

/** Why a case in this status cannot make a request of this purpose, or null if it can. */
export function purposeRefusal(purpose: RequestPurpose, status: CaseStatus, everSubmitted: boolean): string | null {
  if (purpose !== 'initial' && !everSubmitted)
    return 'This case was never sent to the payer: there is no request to update yet.';
  const allowed: Record<RequestPurpose, readonly CaseStatus[] | null> = {
    initial: null,
    information: ['more_info_requested', 'submitted'],
    appeal: ['denied', 'partially_approved', 'peer_to_peer', 'appealed', 'external_review'],
    extension: ['approved', 'partially_approved'],
    cancel: ['withdrawn'],
  };
  const states = allowed[purpose];
  return states && !states.includes(status) ? `A case in status "${status}" cannot make a ${purpose} request.` : null;
}

export interface PasBundleInput {
  dossier: CaseDossier;
  /** The latest signed letter of each kind; drafts are not evidence and never leave the clinic. */
  letters: LetterDto[];
  /** The stored photo files, base64. */
  photos: PhotoContent[];
  purpose: RequestPurpose;
  timeZone: string;
  now: Date;
  /** Builds the stable id of a resource, so exports of one case reuse ids (uuid v5-like). */
  idFor: (kind: string, key: string) => string;
}

export interface IssuedClaimIdentity {
  claimId: string;
  identifierValue: string;
  kind: RequestPurpose;
  relatedClaimId: string | null;
}

const concept = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});
const certificationTypeOf = (purpose: RequestPurpose, expedited: boolean): X12CertificationType =>
  ({ initial: 'I', information: 'I', appeal: expedited ? '1' : '2', extension: '4', cancel: '3' })[
    purpose
  ] as X12CertificationType;

/** The update's revision: one Claim per appeal level, information request, extension window, cancel. */
function revisionOf(purpose: RequestPurpose, dossier: CaseDossier): { key: string; tag: string } | null {
  const { row } = dossier.loaded;
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10).replace(/-/g, '') : 'NA');
  switch (purpose) {
    case 'initial':
      return null;
    case 'information':
      return {
        key: `information:${row.infoRequestedAt?.toISOString() ?? ''}`,
        tag: `INFO-${day(row.infoRequestedAt)}`,
      };
    case 'appeal': {
      const level = row.status === 'external_review' ? 'EXT' : String(Math.max(row.appealLevel, 1));
      return { key: `appeal:${level}`, tag: `APPEAL-${level}` };
    }
    case 'extension':
      return { key: `extension:${row.validTo ?? ''}`, tag: `EXT-${(row.validTo ?? 'NA').replace(/-/g, '')}` };
    case 'cancel':
      return { key: 'cancel', tag: 'CANCEL' };
  }
}

export function buildPasBundle(input: PasBundleInput): {
  bundle: Record<string, unknown>;
  claims: IssuedClaimIdentity[];
} {
  const { dossier, letters, photos, purpose, timeZone, now, idFor } = input;
  const { row, lines } = dossier.loaded;
  const parties = buildParties(dossier, idFor);
  const documents = buildDocuments(dossier, letters, photos, parties, timeZone, idFor);
  const expedited = row.urgency === 'expedited';

  const descriptions = icd10Descriptions(dossier.loaded.icd10);
  const diagnosis = row.diagnoses.map((code, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: concept(FHIR_SYSTEMS.icd10cm, code, descriptions[code]),
  }));
  const addedSince = purpose === 'information' ? row.infoRequestedAt : null;
  const supportingInfo = (update: boolean) =>
    documents.map((doc: PasDocument, i) => ({
      extension: [
        {
          url: PAS_EXT('extension-documentInformation'),
          extension: [
            { url: 'reportTypeCode', valueCodeableConcept: concept(X12('755'), ...doc.reportType) },
            { url: 'transmissionMethod', valueCodeableConcept: concept(X12('756'), 'EL', 'Electronically Only') },
            { url: 'description', valueString: doc.description },
          ],
        },
        ...(update && addedSince && doc.createdAt > addedSince
          ? [{ url: PAS_EXT('extension-infoChanged'), valueCode: 'added' }]
          : []),
      ],
      sequence: i + 1,
      category: concept(PAS_TEMP_CODES, 'additionalInformation', 'Additional Information'),
      valueReference: ref(doc.resource),
    }));

  const claimFor = (claimPurpose: RequestPurpose): FhirResource => {
    const revision = revisionOf(claimPurpose, dossier);
    const update = revision !== null;
    const cert = certificationTypeOf(claimPurpose, expedited);
    const cancelled = claimPurpose === 'cancel';
    const info = supportingInfo(update);
    return {
      resourceType: 'Claim',
      id: claimIdFor(row.id, revision?.key ?? null),
      meta: { profile: [update ? PAS_PROFILES.claimUpdate : PAS_PROFILES.claim] },
      extension: [
        // X12 1338 (UM06) level of service: urgent for an expedited review.
        {
          url: PAS_EXT('extension-levelOfServiceCode'),
          valueCodeableConcept: expedited ? concept(X12('1338'), 'U', 'Urgent') : concept(X12('1338'), 'E', 'Elective'),
        },
      ],
      identifier: [{ system: PAS_TRN_SYSTEM, value: revision ? `${row.caseNumber}-${revision.tag}` : row.caseNumber }],
      status: 'active',
      type: concept(FHIR_SYSTEMS.claimType, 'professional'),
      use: 'preauthorization',
      patient: ref(parties.patient),
      created: now.toISOString(),
      insurer: ref(parties.insurer),
      provider: ref(parties.role),
      priority: concept(FHIR_SYSTEMS.processPriority, expedited ? 'stat' : 'normal'),
      ...(update
        ? {
            related: [
              {
                claim: { reference: `urn:uuid:${claimIdFor(row.id)}` },
                relationship: concept('http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship', 'prior'),
              },
            ],
          }
        : {}),
      careTeam: [
        {
          extension: [{ url: PAS_EXT('extension-careTeamClaimScope'), valueBoolean: true }],
          sequence: 1,
          provider: ref(parties.role),
        },
      ],
      ...(info.length ? { supportingInfo: info } : {}),
      ...(diagnosis.length ? { diagnosis } : {}),
      insurance: [{ sequence: 1, focal: true, coverage: ref(parties.coverage) }],
      item: lines.map((l, i) => {
        const serviceType = x12ServiceTypeForCpt(l.cptCode);
        return {
          extension: [
            ...(update && row.authorizationNumber
              ? [{ url: PAS_EXT('extension-authorizationNumber'), valueString: row.authorizationNumber }]
              : []),
            {
              url: PAS_EXT('extension-serviceItemRequestType'),
              valueCodeableConcept: concept(X12('1525'), 'HS', 'Health Services Review'),
            },
            {
              url: PAS_EXT('extension-certificationType'),
              valueCodeableConcept: concept(X12('1322'), cert, X12_CERTIFICATION_TYPES[cert]),
            },
            ...(cancelled ? [{ url: PAS_EXT('extension-infoChanged'), valueCode: 'changed' }] : []),
          ],
          ...(cancelled
            ? { modifierExtension: [{ url: PAS_EXT('modifierextension-infoCancelled'), valueBoolean: true }] }
            : {}),
          sequence: i + 1,
          careTeamSequence: [1],
          ...(diagnosis.length ? { diagnosisSequence: diagnosis.map((d) => d.sequence) } : {}),
          ...(info.length ? { informationSequence: info.map((s) => s.sequence) } : {}),
          category: concept(X12('1365'), serviceType.code, serviceType.display),
          productOrService: concept(FHIR_SYSTEMS.cpt, l.cptCode, findCpt(l.cptCode)?.description),
          locationCodeableConcept: concept(FHIR_SYSTEMS.placeOfService, '11', 'Office'),
          // PASQuantity: the unit from X12 673 (HSD01), FL = units.
          quantity: { value: l.units, system: X12('673'), code: 'FL', unit: 'Units' },
          bodySite: { text: `${l.bodySite} (${l.lesionCount} lesion${l.lesionCount === 1 ? '' : 's'})` },
        };
      }),
    };
  };

  const claim = claimFor(purpose);
  // spec-13: whatever the Claim references is in the Bundle, the original Claim of an update too.
  const original = purpose === 'initial' ? null : claimFor('initial');
  const { patient, coverage, insurer, role, practitioner } = parties;
  const resources = [
    claim,
    ...(original ? [original] : []),
    patient,
    coverage,
    insurer,
    role,
    practitioner,
    ...documents.map((d) => d.resource),
  ];
  const claims: IssuedClaimIdentity[] = [claim, ...(original ? [original] : [])].map((c) => ({
    claimId: c.id,
    identifierValue: (c.identifier as { value: string }[])[0].value,
    kind: c === claim ? purpose : 'initial',
    relatedClaimId: c === claim && original ? original.id : null,
  }));
  return {
    bundle: {
      resourceType: 'Bundle',
      id: idFor('bundle', `${row.id}:${now.toISOString()}`),
      meta: { profile: [PAS_PROFILES.bundle] },
      // The submitter's transaction id: one per export, unlike the Claim's identifier.
      identifier: { system: `${PAS_TRN_SYSTEM}:transaction`, value: `${claims[0].identifierValue}-${now.getTime()}` },
      type: 'collection',
      timestamp: now.toISOString(),
      entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
    },
    claims,
  };
}
