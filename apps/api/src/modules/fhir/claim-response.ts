import { isValidCarcCode, normalizeCarcCode, type CaseStatus } from '@preauth/domain';

// Reading a payer's Da Vinci PAS ClaimResponse into the one transition it means. Every problem is
// reported with the JSON path of the element at fault, so the sender can fix its message.

export const REVIEW_ACTION_URL = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction';
const ITEM_PREAUTH_PERIOD_URL = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemPreAuthPeriod';
const ITEM_AUTHORIZED_DETAIL_URL =
  'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemAuthorizedDetail';

/** X12 306 action codes (https://codesystem.x12.org/005010/306) that PAS uses for a review. */
export const REVIEW_ACTIONS = {
  A1: 'certified in total',
  A2: 'certified, partial',
  A3: 'not certified',
  A4: 'pended',
} as const;
export type ReviewActionCode = keyof typeof REVIEW_ACTIONS;

export interface FieldError {
  field: string;
  reason: string;
}

export interface ClaimResponseDecision {
  /** Where the ClaimResponse sat in the body ('' or 'entry[2].resource.'), for error paths. */
  prefix: string;
  claimResponseId: string | null;
  actions: ReviewActionCode[];
  to: Extract<CaseStatus, 'approved' | 'partially_approved' | 'denied' | 'more_info_requested'>;
  authorizationNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
  approvedUnits: number | null;
  denialCode: string | null;
  denialText: string | null;
  note: string;
  /** ClaimResponse.created: when the payer decided. */
  created: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] | null => (v === undefined ? [] : Array.isArray(v) ? v : null);
const urlIs = (ext: Json, url: string) =>
  typeof ext.url === 'string' && (ext.url === url || ext.url.endsWith(url.slice(url.lastIndexOf('/'))));
/** The identifier system of the Claim this app exports. */
export const CASE_NUMBER_SYSTEM = 'urn:preauth:case-number';
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Find the ClaimResponse in the body: the resource itself, or the one ClaimResponse entry of a Bundle. */
export function locateClaimResponse(body: unknown): { resource: Json; prefix: string } | { errors: FieldError[] } {
  if (!isObject(body))
    return {
      errors: [{ field: '(body)', reason: 'must be a FHIR ClaimResponse or a Bundle containing one (JSON object)' }],
    };
  if (body.resourceType === 'ClaimResponse') return { resource: body, prefix: '' };
  if (body.resourceType !== 'Bundle')
    return { errors: [{ field: 'resourceType', reason: 'must be "ClaimResponse" or "Bundle"' }] };
  const entries = asArray(body.entry);
  if (!entries) return { errors: [{ field: 'entry', reason: 'must be an array' }] };
  const found = entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => isObject(e) && isObject(e.resource) && e.resource.resourceType === 'ClaimResponse');
  if (found.length !== 1) {
    return {
      errors: [
        { field: 'entry', reason: found.length ? 'holds more than one ClaimResponse' : 'holds no ClaimResponse' },
      ],
    };
  }
  return { resource: (found[0].e as Json).resource as Json, prefix: `entry[${found[0].i}].resource.` };
}

function codesOf(concept: unknown): { code: string; system?: string; path: string }[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return (concept.coding as unknown[])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => isObject(c) && typeof c.code === 'string')
    .map(({ c, i }) => ({
      code: (c as Json).code as string,
      system: (c as Json).system as string | undefined,
      path: `.coding[${i}].code`,
    }));
}

interface ItemReading {
  action: ReviewActionCode;
  sequence: number | null;
  authorizedQuantity: number | null;
  period: { start?: string; end?: string } | null;
  carc: string | null;
}

/** The review action of one item: on item.adjudication (PAS STU2) or on the item itself (STU1). */
function readItem(item: Json, path: string, errors: FieldError[]): ItemReading | null {
  const holders: { ext: Json; path: string }[] = [];
  const adjudications = asArray(item.adjudication);
  if (!adjudications) {
    errors.push({ field: `${path}.adjudication`, reason: 'must be an array' });
    return null;
  }
  adjudications.forEach((adj, a) => {
    if (!isObject(adj)) return errors.push({ field: `${path}.adjudication[${a}]`, reason: 'must be an object' });
    const exts = asArray(adj.extension) ?? [];
    exts.forEach((ext, e) => {
      if (isObject(ext) && urlIs(ext, REVIEW_ACTION_URL))
        holders.push({ ext, path: `${path}.adjudication[${a}].extension[${e}]` });
    });
  });
  (asArray(item.extension) ?? []).forEach((ext, e) => {
    if (isObject(ext) && urlIs(ext, REVIEW_ACTION_URL)) holders.push({ ext, path: `${path}.extension[${e}]` });
  });
  if (!holders.length) {
    errors.push({ field: `${path}.adjudication`, reason: `has no review action (extension ${REVIEW_ACTION_URL})` });
    return null;
  }
  const { ext, path: extPath } = holders[0];
  let concept: unknown = ext.valueCodeableConcept;
  let conceptPath = `${extPath}.valueCodeableConcept`;
  (asArray(ext.extension) ?? []).forEach((sub, s) => {
    if (isObject(sub) && (sub.url === 'code' || sub.url === 'reviewActionCode') && concept === undefined) {
      concept = sub.valueCodeableConcept;
      conceptPath = `${extPath}.extension[${s}].valueCodeableConcept`;
    }
  });
  const codes = codesOf(concept);
  if (!codes.length) {
    errors.push({ field: conceptPath, reason: 'must carry a review action code (A1, A2, A3 or A4) in coding[].code' });
    return null;
  }
  const known = codes.find((c) => c.code in REVIEW_ACTIONS);
  if (!known) {
    errors.push({
      field: `${conceptPath}${codes[0].path}`,
      reason: `"${codes[0].code}" is not a review action code (A1, A2, A3 or A4)`,
    });
    return null;
  }

  let sequence: number | null = null;
  if (item.itemSequence !== undefined) {
    if (!Number.isInteger(item.itemSequence) || (item.itemSequence as number) < 1) {
      errors.push({ field: `${path}.itemSequence`, reason: 'must be a positive integer' });
    } else sequence = item.itemSequence as number;
  }

  let authorizedQuantity: number | null = null;
  let period: ItemReading['period'] = null;
  (asArray(item.extension) ?? []).forEach((ext, e) => {
    if (!isObject(ext)) return;
    if (urlIs(ext, ITEM_AUTHORIZED_DETAIL_URL)) {
      (asArray(ext.extension) ?? []).forEach((sub, s) => {
        if (isObject(sub) && sub.url === 'quantity') {
          const value = isObject(sub.valueQuantity) ? sub.valueQuantity.value : undefined;
          if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
            errors.push({
              field: `${path}.extension[${e}].extension[${s}].valueQuantity.value`,
              reason: 'must be a whole number of units',
            });
          } else authorizedQuantity = value;
        }
      });
    }
    if (urlIs(ext, ITEM_PREAUTH_PERIOD_URL) && isObject(ext.valuePeriod)) period = ext.valuePeriod;
  });

  // A denial's reason: the adjudication reason, coded with CARC (e.g. "50" or "CO-50").
  let carc: string | null = null;
  adjudications.forEach((adj, a) => {
    if (carc || !isObject(adj)) return;
    for (const c of codesOf(adj.reason)) {
      const candidate = normalizeCarcCode(/^[0-9A-Z]{1,3}$/.test(c.code) ? `CO-${c.code}` : c.code);
      if (isValidCarcCode(candidate)) {
        carc = candidate;
        return;
      }
      errors.push({
        field: `${path}.adjudication[${a}].reason${c.path}`,
        reason: `"${c.code}" is not a CARC reason code (e.g. 50 or CO-50)`,
      });
    }
  });
  return { action: known.code as ReviewActionCode, sequence, authorizedQuantity, period, carc };
}

function toDate(value: unknown, field: string, errors: FieldError[]): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    errors.push({ field, reason: 'must be a FHIR date or dateTime' });
    return null;
  }
  return value.slice(0, 10);
}

/**
 * What the ClaimResponse decides. `requestedUnits[i]` are the units of the case's procedure line
 * with claim item sequence i + 1 (the order the FHIR export writes them in).
 */
export function readClaimResponse(
  body: unknown,
  requestedUnits: number[],
  caseNumber?: string,
): { decision: ClaimResponseDecision } | { errors: FieldError[] } {
  const located = locateClaimResponse(body);
  if ('errors' in located) return located;
  const { resource: cr, prefix } = located;
  const errors: FieldError[] = [];
  const at = (field: string) => `${prefix}${field}`;

  // A response that names the request it answers (our Claim.identifier, echoed back in
  // request.identifier) must name this case: recording another patient's answer here is worse
  // than refusing it.
  const requestId = isObject(cr.request) && isObject(cr.request.identifier) ? cr.request.identifier : null;
  if (caseNumber && requestId && requestId.system === CASE_NUMBER_SYSTEM && requestId.value !== caseNumber) {
    errors.push({
      field: at('request.identifier.value'),
      reason: `names the request ${String(requestId.value)}, not this case (${caseNumber})`,
    });
  }

  if (cr.use !== undefined && cr.use !== 'preauthorization')
    errors.push({ field: at('use'), reason: 'must be "preauthorization"' });
  if (cr.outcome === 'error') {
    errors.push({
      field: at('outcome'),
      reason: 'is "error": the payer could not process the request; nothing to record',
    });
  }
  const items = asArray(cr.item);
  if (!items) errors.push({ field: at('item'), reason: 'must be an array' });
  else if (!items.length)
    errors.push({ field: at('item'), reason: 'must hold at least one item with a review action' });
  const readings: ItemReading[] = [];
  (items ?? []).forEach((item, i) => {
    if (!isObject(item)) return errors.push({ field: at(`item[${i}]`), reason: 'must be an object' });
    const reading = readItem(item, at(`item[${i}]`), errors);
    if (reading) readings.push(reading);
  });
  if (errors.length) return { errors };

  const actions = readings.map((r) => r.action);
  let to: ClaimResponseDecision['to'];
  if (actions.includes('A4')) to = 'more_info_requested';
  else if (actions.every((a) => a === 'A1')) to = 'approved';
  else if (actions.every((a) => a === 'A3')) to = 'denied';
  else to = 'partially_approved';

  const texts = [
    typeof cr.disposition === 'string' ? cr.disposition : null,
    ...(asArray(cr.processNote) ?? []).map((n) => (isObject(n) && typeof n.text === 'string' ? n.text : null)),
  ].filter((s): s is string => Boolean(s?.trim()));

  let authorizationNumber: string | null = null;
  let validFrom: string | null = null;
  let validTo: string | null = null;
  let approvedUnits: number | null = null;
  let denialCode: string | null = null;

  if (to === 'approved' || to === 'partially_approved') {
    if (typeof cr.preAuthRef !== 'string' || !cr.preAuthRef.trim()) {
      errors.push({
        field: at('preAuthRef'),
        reason: 'is required when the request is certified (A1/A2): it is the authorization number',
      });
    } else if (cr.preAuthRef.trim().length > 60) {
      errors.push({ field: at('preAuthRef'), reason: 'is longer than 60 characters' });
    } else authorizationNumber = cr.preAuthRef.trim();
    const periodPath = isObject(cr.preAuthPeriod) ? 'preAuthPeriod' : null;
    const period = (isObject(cr.preAuthPeriod) ? cr.preAuthPeriod : readings.find((r) => r.period)?.period) as
      | Json
      | undefined;
    if (!period) {
      errors.push({
        field: at('preAuthPeriod'),
        reason: 'is required when the request is certified: the validity window (start and end)',
      });
    } else {
      const base =
        periodPath ?? `item[${readings.findIndex((r) => r.period)}].extension(itemPreAuthPeriod).valuePeriod`;
      for (const end of ['start', 'end'] as const) {
        const field = at(`${base}.${end}`);
        const value = period[end] === undefined ? null : toDate(period[end], field, errors);
        if (period[end] === undefined) errors.push({ field, reason: 'is required' });
        if (end === 'start') validFrom = value;
        else validTo = value;
      }
    }
  }
  if (to === 'partially_approved') {
    approvedUnits = 0;
    readings.forEach((r, i) => {
      if (r.action === 'A1') {
        const units = r.sequence ? requestedUnits[r.sequence - 1] : undefined;
        if (units === undefined)
          errors.push({ field: at(`item[${i}].itemSequence`), reason: 'does not name a requested procedure line' });
        else approvedUnits! += units;
      } else if (r.action === 'A2') {
        if (r.authorizedQuantity === null) {
          errors.push({
            field: at(`item[${i}].extension`),
            reason: `a partial certification (A2) needs the authorized quantity (${ITEM_AUTHORIZED_DETAIL_URL}, quantity)`,
          });
        } else approvedUnits! += r.authorizedQuantity;
      }
    });
  }
  if (to === 'denied') {
    denialCode = readings.find((r) => r.carc)?.carc ?? null;
    if (!denialCode)
      errors.push({
        field: at('item[0].adjudication[0].reason'),
        reason: 'a denial (A3) needs the CARC reason code (e.g. 50 for not medically necessary)',
      });
  }
  const created = toDate(cr.created, at('created'), errors) ? (cr.created as string) : null;
  if (errors.length) return { errors };

  const summary = `Payer ClaimResponse${typeof cr.id === 'string' ? ` ${cr.id}` : ''}: ${actions.map((a) => `${a} (${REVIEW_ACTIONS[a]})`).join(', ')}`;
  return {
    decision: {
      prefix,
      claimResponseId: typeof cr.id === 'string' ? cr.id : null,
      actions,
      to,
      authorizationNumber,
      validFrom,
      validTo,
      approvedUnits,
      denialCode,
      denialText: to === 'denied' ? texts.join(' ') || null : null,
      note: [summary, ...texts].join('. '),
      created,
    },
  };
}
