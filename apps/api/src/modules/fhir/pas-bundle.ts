import { findCpt, icd10Descriptions, toLocalDate } from '@preauth/domain';
import type { CaseDossier } from '../letters/case-dossier';
import type { LetterDto } from '../letters/dto/letter.dto';
import { CASE_NUMBER_SYSTEM } from './claim-response';

// Da Vinci Prior Authorization Support (PAS) request, FHIR R4: a Bundle whose first entry is
// the Claim (use = preauthorization), followed by everything it references.

export const FHIR_SYSTEMS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  infoCategory: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  organizationType: 'http://terminology.hl7.org/CodeSystem/organization-type',
  caseNumber: CASE_NUMBER_SYSTEM,
  mrn: 'urn:preauth:mrn',
  payerCode: 'urn:preauth:payer-code',
} as const;

// X12 1322 certification type: 3 cancels an earlier request (a withdrawn case).
export const CERTIFICATION_TYPE_URL =
  'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-certificationType';
const CERTIFICATION_TYPE_SYSTEM = 'https://codesystem.x12.org/005010/1322';

export const PAS_PROFILES = {
  bundle: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle',
  claim: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim',
} as const;

type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

export interface PasBundleInput {
  dossier: CaseDossier;
  /** The latest signed letter of each kind; drafts are not evidence and never leave the clinic. */
  letters: LetterDto[];
  timeZone: string;
  now: Date;
  /** Builds the stable id of a resource, so exports of one case reuse ids (uuid v5-like). */
  idFor: (kind: string, key: string) => string;
}

const ref = (r: FhirResource) => ({ reference: `urn:uuid:${r.id}` });

const LETTER_TITLES: Record<string, string> = {
  medical_necessity: 'Letter of medical necessity',
  appeal: 'Appeal letter',
};

export function buildPasBundle({ dossier, letters, timeZone, now, idFor }: PasBundleInput): Record<string, unknown> {
  const { row, lines } = dossier.loaded;
  const { patient: pt, payer: py, provider: pr } = dossier;

  const patient: FhirResource = {
    resourceType: 'Patient',
    id: idFor('patient', pt.id),
    identifier: [
      {
        type: { coding: [{ system: FHIR_SYSTEMS.identifierType, code: 'MR' }] },
        system: FHIR_SYSTEMS.mrn,
        value: pt.mrn,
      },
      ...(pt.memberId
        ? [{ type: { coding: [{ system: FHIR_SYSTEMS.identifierType, code: 'MB' }] }, value: pt.memberId }]
        : []),
    ],
    name: [{ family: pt.lastName, given: [pt.firstName] }],
    gender: pt.sex,
    birthDate: pt.dateOfBirth,
  };
  const insurer: FhirResource = {
    resourceType: 'Organization',
    id: idFor('payer', py.id),
    identifier: [{ system: FHIR_SYSTEMS.payerCode, value: py.payerCode }],
    active: py.active,
    type: [{ coding: [{ system: FHIR_SYSTEMS.organizationType, code: 'pay', display: 'Payer' }] }],
    name: py.name,
  };
  const practitioner: FhirResource = {
    resourceType: 'Practitioner',
    id: idFor('provider', pr.id),
    identifier: [{ system: FHIR_SYSTEMS.npi, value: pr.npi }],
    name: [{ family: pr.lastName, given: [pr.firstName], ...(pr.credentials ? { suffix: [pr.credentials] } : {}) }],
  };
  const coverage: FhirResource = {
    resourceType: 'Coverage',
    id: idFor('coverage', `${pt.id}:${py.id}`),
    status: 'active',
    ...(pt.memberId
      ? {
          identifier: [{ type: { coding: [{ system: FHIR_SYSTEMS.identifierType, code: 'MB' }] }, value: pt.memberId }],
          subscriberId: pt.memberId,
        }
      : {}),
    beneficiary: ref(patient),
    relationship: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }],
    },
    payor: [ref(insurer)],
  };

  const letterDocs: FhirResource[] = letters.map((l) => ({
    resourceType: 'DocumentReference',
    id: idFor('letter', l.id),
    status: 'current',
    docStatus: 'final',
    type: { text: LETTER_TITLES[l.kind] ?? 'Letter' },
    subject: ref(patient),
    date: l.signedAt ?? l.updatedAt,
    author: [ref(practitioner)],
    description: `${LETTER_TITLES[l.kind] ?? 'Letter'}, version ${l.version}, signed by ${l.signedBy?.name ?? 'unknown'}`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en-US',
          data: Buffer.from(l.text, 'utf8').toString('base64'),
          title: `${LETTER_TITLES[l.kind] ?? 'Letter'} v${l.version}`,
          ...(l.signedAt ? { creation: l.signedAt } : {}),
        },
      },
    ],
  }));
  const photoDocs: FhirResource[] = dossier.photos.map((p) => ({
    resourceType: 'DocumentReference',
    id: idFor('photo', p.id),
    status: 'current',
    type: { text: 'Clinical photograph' },
    subject: ref(patient),
    date: p.takenAt.toISOString(),
    author: [ref(practitioner)],
    description: `${p.bodySite}, ${p.lesionCount} lesion${p.lesionCount === 1 ? '' : 's'}, taken ${toLocalDate(p.takenAt, timeZone)}`,
    content: [
      {
        attachment: {
          contentType: p.contentType,
          url: `/api/photos/${p.id}`,
          size: p.byteSize,
          title: p.bodySite,
          creation: p.takenAt.toISOString(),
        },
      },
    ],
  }));
  const documents = [...letterDocs, ...photoDocs];

  const supportingInfo = documents.map((doc, i) => ({
    sequence: i + 1,
    category: { coding: [{ system: FHIR_SYSTEMS.infoCategory, code: 'attachment', display: 'Attachment' }] },
    valueReference: ref(doc),
  }));
  const descriptions = icd10Descriptions(dossier.loaded.icd10);
  const diagnosis = row.diagnoses.map((code, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: {
      coding: [{ system: FHIR_SYSTEMS.icd10cm, code, ...(descriptions[code] ? { display: descriptions[code] } : {}) }],
    },
  }));

  const claim: FhirResource = {
    resourceType: 'Claim',
    id: idFor('claim', `${row.id}:${now.toISOString()}`),
    meta: { profile: [PAS_PROFILES.claim] },
    identifier: [{ system: FHIR_SYSTEMS.caseNumber, value: row.caseNumber }],
    status: 'active',
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'preauthorization',
    patient: ref(patient),
    created: now.toISOString(),
    insurer: ref(insurer),
    provider: ref(practitioner),
    priority: {
      coding: [{ system: FHIR_SYSTEMS.processPriority, code: row.urgency === 'expedited' ? 'stat' : 'normal' }],
    },
    careTeam: [{ sequence: 1, provider: ref(practitioner) }],
    ...(supportingInfo.length ? { supportingInfo } : {}),
    ...(diagnosis.length ? { diagnosis } : {}),
    insurance: [{ sequence: 1, focal: true, coverage: ref(coverage) }],
    ...(lines.length
      ? {
          item: lines.map((l, i) => ({
            ...(row.status === 'withdrawn'
              ? {
                  extension: [
                    {
                      url: CERTIFICATION_TYPE_URL,
                      valueCodeableConcept: {
                        coding: [{ system: CERTIFICATION_TYPE_SYSTEM, code: '3', display: 'Cancel' }],
                      },
                    },
                  ],
                }
              : {}),
            sequence: i + 1,
            careTeamSequence: [1],
            ...(diagnosis.length ? { diagnosisSequence: diagnosis.map((d) => d.sequence) } : {}),
            ...(supportingInfo.length ? { informationSequence: supportingInfo.map((s) => s.sequence) } : {}),
            productOrService: {
              coding: [
                {
                  system: FHIR_SYSTEMS.cpt,
                  code: l.cptCode,
                  ...(findCpt(l.cptCode) ? { display: findCpt(l.cptCode)!.description } : {}),
                },
              ],
            },
            quantity: { value: l.units },
            bodySite: { text: `${l.bodySite} (${l.lesionCount} lesion${l.lesionCount === 1 ? '' : 's'})` },
          })),
        }
      : {}),
  };

  const resources = [claim, patient, coverage, insurer, practitioner, ...documents];
  return {
    resourceType: 'Bundle',
    id: idFor('bundle', `${row.id}:${now.toISOString()}`),
    meta: { profile: [PAS_PROFILES.bundle] },
    identifier: { system: FHIR_SYSTEMS.caseNumber, value: `${row.caseNumber}-${now.getTime()}` },
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
