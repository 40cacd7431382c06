// The Da Vinci PAS 2.2.1 profile rules the export relies on, one row per profile element, each
// naming the FSH rule (HL7/davinci-pas input/fsh) it checks. `checkPasRequest` runs every row
// over a request Bundle and returns the broken ones as "Profile.element: problem".

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR resources are walked by deep paths

const SD = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/';
const X12 = (list: string) => `https://codesystem.x12.org/005010/${list}`;

interface Ctx {
  bundle: Json;
  resolve: (reference: Json | undefined) => Json | undefined;
}

type Rule = [profile: string, element: string, appliesTo: string, check: (r: Json, ctx: Ctx) => string | null];

const ext = (r: Json | undefined, name: string): Json | undefined =>
  (r?.extension as Json[] | undefined)?.find((e) => e.url === `${SD}${name}`);
const codedIn = (concept: Json | undefined, system: string) =>
  Array.isArray(concept?.coding) && concept.coding.some((c: Json) => c.system === system && typeof c.code === 'string');
const all = (list: Json[] | undefined, test: (x: Json) => boolean) => (list ?? []).every(test);
const isType = (ctx: Ctx, reference: Json | undefined, ...types: string[]) =>
  types.includes(ctx.resolve(reference)?.resourceType);
const fail = (ok: boolean, problem: string) => (ok ? null : problem);
const isClaimUpdate = (r: Json) => (r.meta?.profile ?? []).includes(`${SD}profile-claim-update`);

export const PAS_RULES: Rule[] = [
  // Bundle.fsh: PASRequestBundle
  [
    'PASRequestBundle',
    'identifier 1..1',
    'Bundle',
    (r) => fail(!!r.identifier?.system && !!r.identifier?.value, 'missing system or value'),
  ],
  ['PASRequestBundle', 'type = #collection', 'Bundle', (r) => fail(r.type === 'collection', `is ${r.type}`)],
  ['PASRequestBundle', 'timestamp 1..1', 'Bundle', (r) => fail(typeof r.timestamp === 'string', 'missing')],
  [
    'PASRequestBundle',
    'obeys ClaimFirst',
    'Bundle',
    (r) => fail(r.entry?.[0]?.resource?.resourceType === 'Claim', 'first entry is not a Claim'),
  ],
  [
    'PASRequestBundle',
    'entry.fullUrl 1..1, entry.request/response/search 0..0',
    'Bundle',
    (r) =>
      fail(
        all(r.entry, (e) => !!e.fullUrl && !!e.resource && !e.request && !e.response && !e.search),
        'an entry breaks it',
      ),
  ],
  [
    'PASRequestBundle',
    'entry[Claim] 1..2',
    'Bundle',
    (r) => {
      const n = (r.entry as Json[]).filter((e) => e.resource.resourceType === 'Claim').length;
      return fail(n >= 1 && n <= 2, `${n} Claims`);
    },
  ],
  [
    'PAS spec-13',
    'every reference resolves inside the Bundle',
    'Bundle',
    (r, ctx) => {
      const refs = JSON.stringify(r).match(/"reference":"[^"]+"/g) ?? [];
      const dangling = refs
        .map((s) => JSON.parse(`{${s}}`).reference as string)
        .filter((x) => !ctx.resolve({ reference: x }));
      return fail(!dangling.length, `unresolved ${dangling.join(', ')}`);
    },
  ],
  [
    'PAS spec-14',
    'each resource appears once',
    'Bundle',
    (r) => {
      const urls = (r.entry as Json[]).map((e) => e.fullUrl);
      return fail(new Set(urls).size === urls.length, 'duplicate fullUrl');
    },
  ],
  // Claim.fsh: PASClaimBase, PASClaim (CommonClaimElements); Claim-update.fsh: PASClaimUpdate
  [
    'PASClaim',
    'meta.profile',
    'Claim',
    (r) =>
      fail(
        [`${SD}profile-claim`, `${SD}profile-claim-update`].some((p) => (r.meta?.profile ?? []).includes(p)),
        'no PAS profile',
      ),
  ],
  [
    'PASClaim',
    "identifier 1..2, system 'urn:trnorg:<TRN03>'",
    'Claim',
    (r) =>
      fail(
        r.identifier?.length >= 1 &&
          r.identifier.length <= 2 &&
          all(r.identifier, (i) => /^urn:trnorg:/.test(i.system) && !!i.value),
        'bad identifier',
      ),
  ],
  [
    'PASClaim',
    'status = #active, use = #preauthorization',
    'Claim',
    (r) => fail(r.status === 'active' && r.use === 'preauthorization', 'wrong status/use'),
  ],
  [
    'PASClaim',
    'type from ClaimTypes',
    'Claim',
    (r) => fail(codedIn(r.type, 'http://terminology.hl7.org/CodeSystem/claim-type'), 'not a claim-type code'),
  ],
  [
    'PASClaim',
    'patient only Reference(PASBeneficiary)',
    'Claim',
    (r, ctx) => fail(isType(ctx, r.patient, 'Patient'), 'not a Patient'),
  ],
  [
    'PASClaim',
    'insurer 1..1 only Reference(PASInsurer)',
    'Claim',
    (r, ctx) => fail(isType(ctx, r.insurer, 'Organization'), 'not an Organization'),
  ],
  [
    'PASClaim',
    'provider only Reference(PASRequestor or PASPractitionerRole)',
    'Claim',
    (r, ctx) =>
      fail(isType(ctx, r.provider, 'Organization', 'PractitionerRole'), `is ${ctx.resolve(r.provider)?.resourceType}`),
  ],
  [
    'PASClaim',
    'extension[levelOfServiceType] from X12 1338',
    'Claim',
    (r) => fail(codedIn(ext(r, 'extension-levelOfServiceCode')?.valueCodeableConcept, X12('1338')), 'missing'),
  ],
  [
    'PASClaim',
    'careTeam.extension[careTeamClaimScope] 1..1',
    'Claim',
    (r) =>
      fail(
        all(r.careTeam, (c) => typeof ext(c, 'extension-careTeamClaimScope')?.valueBoolean === 'boolean'),
        'a member lacks it',
      ),
  ],
  [
    'PASClaim',
    'careTeam.provider only Reference(PASOrganization or PASPractitionerRole)',
    'Claim',
    (r, ctx) =>
      fail(
        all(r.careTeam, (c) => isType(ctx, c.provider, 'Organization', 'PractitionerRole')),
        'a member is neither',
      ),
  ],
  [
    'PASClaim',
    'supportingInfo[AdditionalInformation].category = PASTempCodes#additionalInformation',
    'Claim',
    (r) =>
      fail(
        all(r.supportingInfo, (s) => s.category?.coding?.[0]?.code === 'additionalInformation'),
        'other category',
      ),
  ],
  [
    'PASClaim',
    'supportingInfo[AdditionalInformation].extension[documentInformation] 1..1 (reportTypeCode X12 755)',
    'Claim',
    (r) =>
      fail(
        all(r.supportingInfo, (s) =>
          (ext(s, 'extension-documentInformation')?.extension ?? []).some(
            (e: Json) => e.url === 'reportTypeCode' && codedIn(e.valueCodeableConcept, X12('755')),
          ),
        ),
        'missing',
      ),
  ],
  [
    'PASClaim',
    'supportingInfo[AdditionalInformation].value[x] 1..1, timing[x] 0..0',
    'Claim',
    (r, ctx) =>
      fail(
        all(
          r.supportingInfo,
          (s) => isType(ctx, s.valueReference, 'DocumentReference') && !s.timingDate && !s.timingPeriod,
        ),
        'bad value',
      ),
  ],
  [
    'PASClaim',
    'diagnosis.diagnosisCodeableConcept from X12278DiagnosisCodes',
    'Claim',
    (r) =>
      fail(
        all(r.diagnosis, (d) => codedIn(d.diagnosisCodeableConcept, 'http://hl7.org/fhir/sid/icd-10-cm')),
        'not ICD-10-CM',
      ),
  ],
  [
    'PASClaim',
    'insurance.focal = true, coverage only Reference(PASCoverage)',
    'Claim',
    (r, ctx) =>
      fail(
        all(r.insurance, (i) => i.focal === true && isType(ctx, i.coverage, 'Coverage')),
        'bad insurance',
      ),
  ],
  ['PASClaim', 'item 1..*', 'Claim', (r) => fail(r.item?.length >= 1, 'no item')],
  [
    'PASClaim',
    'item.extension[requestType] 1..1 from X12 1525',
    'Claim',
    (r) =>
      fail(
        all(r.item, (i) => codedIn(ext(i, 'extension-serviceItemRequestType')?.valueCodeableConcept, X12('1525'))),
        'missing',
      ),
  ],
  [
    'PASClaim',
    'item.extension[certificationType] 1..1 from X12 1322',
    'Claim',
    (r) =>
      fail(
        all(r.item, (i) => codedIn(ext(i, 'extension-certificationType')?.valueCodeableConcept, X12('1322'))),
        'missing',
      ),
  ],
  [
    'PASClaim',
    'item.category 1..1 from X12 1365',
    'Claim',
    (r) =>
      fail(
        all(r.item, (i) => codedIn(i.category, X12('1365'))),
        'missing',
      ),
  ],
  [
    'PASClaim',
    'item.location[x] 1..1 from X12278LocationType',
    'Claim',
    (r) =>
      fail(
        all(r.item, (i) =>
          codedIn(
            i.locationCodeableConcept,
            'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
          ),
        ),
        'missing',
      ),
  ],
  [
    'PASClaim',
    'item.productOrService from X12278RequestedServiceType',
    'Claim',
    (r) =>
      fail(
        all(r.item, (i) => codedIn(i.productOrService, 'http://www.ama-assn.org/go/cpt')),
        'not CPT',
      ),
  ],
  [
    'PASQuantity',
    'value 1..1, code from X12 673',
    'Claim',
    (r) =>
      fail(
        all(
          r.item,
          (i) => typeof i.quantity?.value === 'number' && i.quantity.system === X12('673') && !!i.quantity.code,
        ),
        'bad quantity',
      ),
  ],
  [
    'PASClaim',
    'obeys ImmediateLevelOfCare',
    'Claim',
    (r) =>
      fail(
        !(r.item ?? []).some(
          (i: Json) => ext(i, 'extension-certificationType')?.valueCodeableConcept?.coding?.[0]?.code === '1',
        ) || !!ext(r, 'extension-levelOfServiceCode'),
        'immediate appeal without level of service',
      ),
  ],
  ['PASClaim', 'related 0..0', 'Claim', (r) => fail(isClaimUpdate(r) || !r.related, 'has related')],
  [
    'PASClaimUpdate',
    'related 1..1, relationship = #prior, claim 1..1',
    'Claim',
    (r, ctx) =>
      fail(
        !isClaimUpdate(r) ||
          (r.related?.length === 1 &&
            r.related[0].relationship?.coding?.[0]?.code === 'prior' &&
            isType(ctx, r.related[0].claim, 'Claim')),
        'bad related',
      ),
  ],
  [
    'PASClaimUpdate',
    'item.modifierExtension[infoCancelledFlag] on cancelled items',
    'Claim',
    (r) =>
      fail(
        all(
          r.item,
          (i) =>
            ext(i, 'extension-certificationType')?.valueCodeableConcept?.coding?.[0]?.code !== '3' ||
            (i.modifierExtension ?? []).some(
              (m: Json) => m.url === `${SD}modifierextension-infoCancelled` && m.valueBoolean === true,
            ),
        ),
        'cancel without the flag',
      ),
  ],
  // Patient.fsh: PASBeneficiary on US Core Patient 7.0.0
  [
    'PASBeneficiary',
    'identifier 1..* (system and value)',
    'Patient',
    (r) => fail(r.identifier?.length >= 1 && all(r.identifier, (i) => !!i.system && !!i.value), 'bad identifier'),
  ],
  ['PASBeneficiary', 'name 1..*, gender 1..1', 'Patient', (r) => fail(r.name?.length >= 1 && !!r.gender, 'missing')],
  [
    'PASBeneficiary',
    'birthDate obeys FullDateRule',
    'Patient',
    (r) => fail(/^\d{4}-\d{2}-\d{2}$/.test(r.birthDate), 'not YYYY-MM-DD'),
  ],
  // Coverage.fsh: PASCoverage on US Core Coverage 7.0.0
  [
    'PASCoverage',
    'identifier[memberid] 1..1',
    'Coverage',
    (r) =>
      fail(
        (r.identifier ?? []).some((i: Json) => i.type?.coding?.[0]?.code === 'MB' && !!i.value && !!i.system),
        'no member id',
      ),
  ],
  [
    'PASCoverage',
    'status = #active, relationship, beneficiary',
    'Coverage',
    (r, ctx) => fail(r.status === 'active' && !!r.relationship && isType(ctx, r.beneficiary, 'Patient'), 'missing'),
  ],
  [
    'PASCoverage',
    'relationship.coding[X12Code] from X12 1069',
    'Coverage',
    (r) => fail(codedIn(r.relationship, X12('1069')), 'no X12 code'),
  ],
  [
    'PASCoverage',
    'payor only Reference(PASInsurer)',
    'Coverage',
    (r, ctx) =>
      fail(
        all(r.payor, (p) => isType(ctx, p, 'Organization')),
        'bad payor',
      ),
  ],
  // Organization.fsh: PASInsurer on US Core Organization 7.0.0
  ['PASInsurer', 'active = true', 'Organization', (r) => fail(r.active === true, 'not true')],
  [
    'PASInsurer',
    'type from X12 98',
    'Organization',
    (r) =>
      fail(
        (r.type ?? []).some((t: Json) => codedIn(t, X12('98'))),
        'no X12 type',
      ),
  ],
  [
    'PASOrganization',
    'identifier only PASIdentifier (system 1..1, value 1..1), name',
    'Organization',
    (r) => fail(!!r.name && all(r.identifier, (i) => !!i.system && !!i.value), 'bad identifier or name'),
  ],
  // Practitioner.fsh: PASPractitioner, PASPractitionerRole on US Core 7.0.0
  [
    'PASPractitioner',
    'identifier only PASIdentifier (NPI), name.family',
    'Practitioner',
    (r) =>
      fail(
        all(r.identifier, (i) => i.system === 'http://hl7.org/fhir/sid/us-npi' && /^\d{10}$/.test(i.value)) &&
          !!r.name?.[0]?.family,
        'bad',
      ),
  ],
  [
    'PASPractitionerRole',
    'practitioner 1..1 only Reference(PASPractitioner)',
    'PractitionerRole',
    (r, ctx) => fail(isType(ctx, r.practitioner, 'Practitioner'), 'missing'),
  ],
  // Claim.fsh: PASDocumentReference on US Core DocumentReference 7.0.0
  [
    'PASDocumentReference',
    'status, type 1..1 (LOINC), category us-core clinical-note, subject',
    'DocumentReference',
    (r, ctx) =>
      fail(
        !!r.status &&
          codedIn(r.type, 'http://loinc.org') &&
          (r.category ?? []).some((c: Json) =>
            codedIn(c, 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category'),
          ) &&
          isType(ctx, r.subject, 'Patient'),
        'missing',
      ),
  ],
  [
    'PASDocumentReference',
    'content.attachment.data 1..1, url 0..0',
    'DocumentReference',
    (r) =>
      fail(
        all(
          r.content,
          (c) =>
            typeof c.attachment?.data === 'string' &&
            c.attachment.data.length > 0 &&
            !c.attachment.url &&
            !!c.attachment.contentType,
        ),
        'not inline',
      ),
  ],
];

export function checkPasRequest(bundle: Json): string[] {
  const byUrl = new Map((bundle.entry as Json[]).map((e) => [e.fullUrl as string, e.resource as Json]));
  // A reference is a fullUrl ('urn:uuid:…') or relative ('Patient/x', resolved by fullUrl tail).
  const resolve = (reference: Json | undefined) => {
    const r = reference?.reference as string | undefined;
    if (!r) return undefined;
    return byUrl.get(r) ?? [...byUrl.entries()].find(([url]) => url.endsWith(`/${r}`))?.[1];
  };
  const ctx: Ctx = { bundle, resolve };
  const problems: string[] = [];
  const resources: Json[] = [bundle, ...(bundle.entry as Json[]).map((e) => e.resource as Json)];
  for (const [profile, element, appliesTo, check] of PAS_RULES) {
    for (const r of resources.filter((x) => x.resourceType === appliesTo)) {
      const problem = check(r, ctx);
      if (problem) problems.push(`${profile} ${element} (${r.resourceType}/${r.id}): ${problem}`);
    }
  }
  return problems;
}

/**
 * The shape of a resource: every path to a value, array indices dropped and extensions named
 * by their URL's last segment (…extension[certificationType].valueCodeableConcept.coding.system).
 */
export function shapeOf(value: unknown, path = ''): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, p));
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Json)) {
        if (k === 'extension' || k === 'modifierExtension') {
          for (const e of child as Json[])
            walk(
              Object.fromEntries(Object.entries(e).filter(([key]) => key !== 'url')),
              `${p}.${k}[${String(e.url).split('/').pop()}]`,
            );
        } else walk(child, `${p}.${k}`);
      }
      return;
    }
    out.add(p);
  };
  walk(value, path);
  return out;
}
