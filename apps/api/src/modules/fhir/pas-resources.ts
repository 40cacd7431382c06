import { toLocalDate } from '@preauth/domain';
import type { CaseDossier } from '../letters/case-dossier';
import type { LetterDto } from '../letters/dto/letter.dto';

// The resources a Da Vinci PAS 2.2.1 request references besides the Claim, each shaped by its
// PAS profile and the US Core 7.0.0 profile that profile builds on.

const PAS = 'http://hl7.org/fhir/us/davinci-pas';
export const PAS_PROFILES = {
  bundle: `${PAS}/StructureDefinition/profile-pas-request-bundle`,
  claim: `${PAS}/StructureDefinition/profile-claim`,
  claimUpdate: `${PAS}/StructureDefinition/profile-claim-update`,
  beneficiary: `${PAS}/StructureDefinition/profile-beneficiary`,
  coverage: `${PAS}/StructureDefinition/profile-coverage`,
  insurer: `${PAS}/StructureDefinition/profile-insurer`,
  practitioner: `${PAS}/StructureDefinition/profile-practitioner`,
  practitionerRole: `${PAS}/StructureDefinition/profile-practitionerrole`,
  documentReference: `${PAS}/StructureDefinition/profile-documentreference`,
  inquiryBundle: `${PAS}/StructureDefinition/profile-pas-inquiry-request-bundle`,
  claimInquiry: `${PAS}/StructureDefinition/profile-claim-inquiry`,
} as const;
export const PAS_EXT = (name: string) => `${PAS}/StructureDefinition/${name}`;
export const PAS_TEMP_CODES = `${PAS}/CodeSystem/PASTempCodes`;
export const X12 = (list: string) => `https://codesystem.x12.org/005010/${list}`;

export const FHIR_SYSTEMS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  loinc: 'http://loinc.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  c4bbIdentifierType: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType',
  docCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  mrn: 'urn:preauth:mrn',
  payerCode: 'urn:preauth:payer-code',
  // Member IDs are issued by each payer: the system names the payer that issued it.
  memberId: (payerCode: string) => `urn:preauth:payer:${payerCode}:member-id`,
} as const;

export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;
export const ref = (r: FhirResource) => ({ reference: `urn:uuid:${r.id}` });
const coding = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display ? { display } : {}) }],
});

export interface PhotoContent {
  id: string;
  /** Base64 of the stored file. */
  data: string;
}

export interface PasParties {
  patient: FhirResource;
  coverage: FhirResource;
  insurer: FhirResource;
  practitioner: FhirResource;
  role: FhirResource;
}

export function buildParties(dossier: CaseDossier, idFor: (kind: string, key: string) => string): PasParties {
  const { patient: pt, payer: py, provider: pr } = dossier;
  const patient: FhirResource = {
    resourceType: 'Patient',
    id: idFor('patient', pt.id),
    meta: { profile: [PAS_PROFILES.beneficiary] },
    identifier: [
      {
        type: coding(FHIR_SYSTEMS.identifierType, 'MR', 'Medical record number'),
        system: FHIR_SYSTEMS.mrn,
        value: pt.mrn,
      },
    ],
    name: [{ family: pt.lastName, given: [pt.firstName] }],
    gender: pt.sex,
    birthDate: pt.dateOfBirth,
  };
  const insurer: FhirResource = {
    resourceType: 'Organization',
    id: idFor('payer', py.id),
    meta: { profile: [PAS_PROFILES.insurer] },
    // PASOrganization's PI slice: the payer identification number.
    identifier: [
      { type: coding(FHIR_SYSTEMS.c4bbIdentifierType, 'payerid'), system: FHIR_SYSTEMS.payerCode, value: py.payerCode },
    ],
    // PASInsurer fixes active to true: the organization the request goes to insures the patient.
    active: true,
    type: [coding(X12('98'), 'PR', 'Payer')],
    name: py.name,
    ...(py.phone ? { telecom: [{ system: 'phone', value: py.phone }] } : {}),
  };
  const practitioner: FhirResource = {
    resourceType: 'Practitioner',
    id: idFor('provider', pr.id),
    meta: { profile: [PAS_PROFILES.practitioner] },
    identifier: [{ system: FHIR_SYSTEMS.npi, value: pr.npi }],
    name: [{ family: pr.lastName, given: [pr.firstName], ...(pr.credentials ? { suffix: [pr.credentials] } : {}) }],
  };
  const dermatology = /dermatolog/i.test(pr.specialty ?? '') || !pr.specialty;
  const role: FhirResource = {
    resourceType: 'PractitionerRole',
    id: idFor('provider-role', pr.id),
    meta: { profile: [PAS_PROFILES.practitionerRole] },
    active: pr.active,
    practitioner: ref(practitioner),
    ...(dermatology
      ? { specialty: [coding(FHIR_SYSTEMS.nucc, '207N00000X', 'Dermatology')] }
      : { specialty: [{ text: pr.specialty }] }),
  };
  const coverage: FhirResource = {
    resourceType: 'Coverage',
    id: idFor('coverage', `${pt.id}:${py.id}`),
    meta: { profile: [PAS_PROFILES.coverage] },
    ...(pt.memberId
      ? {
          identifier: [
            {
              type: coding(FHIR_SYSTEMS.identifierType, 'MB', 'Member Number'),
              system: FHIR_SYSTEMS.memberId(py.payerCode),
              value: pt.memberId,
            },
          ],
          subscriberId: pt.memberId,
        }
      : {}),
    status: 'active',
    beneficiary: ref(patient),
    relationship: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' },
        { system: X12('1069'), code: '18', display: 'Self' },
      ],
    },
    payor: [ref(insurer)],
  };
  return { patient, coverage, insurer, practitioner, role };
}

const LETTER_TITLES: Record<string, string> = {
  medical_necessity: 'Letter of medical necessity',
  appeal: 'Appeal letter',
};
// LOINC codes from the guide's attachment value set (pas-loinc-attachment-codes).
const LETTER_TYPES: Record<string, [string, string]> = {
  medical_necessity: ['103595-5', 'Certificate of Medical Necessity'],
  appeal: ['52033-8', 'General correspondence attachment'],
};

export interface PasDocument {
  resource: FhirResource;
  /** X12 755 (PWK01) report type of the attachment. */
  reportType: [string, string];
  description: string;
  createdAt: Date;
}

export function buildDocuments(
  dossier: CaseDossier,
  letters: LetterDto[],
  photos: PhotoContent[],
  parties: PasParties,
  timeZone: string,
  idFor: (kind: string, key: string) => string,
): PasDocument[] {
  const { patient, practitioner } = parties;
  const document = (
    id: string,
    type: [string, string],
    text: string,
    date: string,
    attachment: Record<string, unknown>,
    description: string,
  ): FhirResource => ({
    resourceType: 'DocumentReference',
    id,
    meta: { profile: [PAS_PROFILES.documentReference] },
    status: 'current',
    docStatus: 'final',
    type: { ...coding(FHIR_SYSTEMS.loinc, type[0], type[1]), text },
    category: [coding(FHIR_SYSTEMS.docCategory, 'clinical-note', 'Clinical Note')],
    subject: ref(patient),
    date,
    author: [ref(practitioner)],
    description,
    // PASDocumentReference: the content travels inline (data), never as a URL the payer cannot open.
    content: [{ attachment }],
  });
  const letterDocs = letters.map((l): PasDocument => {
    const title = LETTER_TITLES[l.kind] ?? 'Letter';
    const text = Buffer.from(l.text, 'utf8');
    const description = `${title}, version ${l.version}, signed by ${l.signedBy?.name ?? 'unknown'}`;
    return {
      resource: document(
        idFor('letter', l.id),
        LETTER_TYPES[l.kind] ?? LETTER_TYPES.appeal,
        title,
        l.signedAt ?? l.updatedAt,
        {
          contentType: 'text/plain; charset=utf-8',
          language: 'en-US',
          data: text.toString('base64'),
          size: text.length,
          title: `${title} v${l.version}`,
          ...(l.signedAt ? { creation: l.signedAt } : {}),
        },
        description,
      ),
      reportType: ['PY', "Physician's Report"],
      description,
      createdAt: new Date(l.signedAt ?? l.updatedAt),
    };
  });
  const data = new Map(photos.map((p) => [p.id, p.data]));
  const photoDocs = dossier.photos.map((p): PasDocument => {
    const description = `${p.bodySite}, ${p.lesionCount} lesion${p.lesionCount === 1 ? '' : 's'}, taken ${toLocalDate(p.takenAt, timeZone)}`;
    return {
      resource: document(
        idFor('photo', p.id),
        ['46212-7', 'Pre operative photo'],
        'Clinical photograph',
        p.takenAt.toISOString(),
        {
          contentType: p.contentType,
          data: data.get(p.id) ?? '',
          size: p.byteSize,
          title: p.bodySite,
          creation: p.takenAt.toISOString(),
        },
        description,
      ),
      reportType: ['XP', 'Photographs'],
      description,
      createdAt: p.createdAt,
    };
  });
  return [...letterDocs, ...photoDocs];
}
