import {
  describeX12Reject,
  isValidCarcCode,
  isX12ReviewAction,
  normalizeCarcCode,
  X12_REVIEW_ACTIONS,
  type CaseStatus,
  type X12ReviewAction,
} from '@preauth/domain';
import {
  asArray,
  isObject,
  locateClaimResponse,
  resolveReference,
  type FieldError,
  type Json,
} from './pas-response-locate';

// Reading a payer's Da Vinci PAS (2.2.1) answer into what it means for the case. The guide says a
// client SHALL accept every MustSupport element of a response, so anything well-formed is read;
// problems are reported with the JSON path of the element at fault.

export type { FieldError } from './pas-response-locate';
export { locateClaimResponse } from './pas-response-locate';

const SD = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/';
export const PAS_EXTENSIONS = {
  reviewAction: `${SD}extension-reviewAction`,
  reviewActionCode: `${SD}extension-reviewActionCode`,
  itemPreAuthPeriod: `${SD}extension-itemPreAuthPeriod`,
  itemRequestedServiceDate: `${SD}extension-itemRequestedServiceDate`,
  administrationReferenceNumber: `${SD}extension-administrationReferenceNumber`,
  authorizationNumber: `${SD}extension-authorizationNumber`,
  errorElement: `${SD}extension-errorElement`,
  errorPath: `${SD}extension-errorPath`,
  errorFollowupAction: `${SD}extension-errorFollowupAction`,
} as const;
export const REVIEW_ACTION_URL = PAS_EXTENSIONS.reviewAction;

export interface PayerError {
  code: string;
  display: string | null;
  followUp: string | null;
  /** The X12 loop/segment (errorElement) or FHIRPath (errorPath) the payer blames. */
  element: string | null;
  path: string | null;
  /** What to correct, in the desk's words. */
  hint: string;
}

export interface RequestKeys {
  reference: string | null;
  /** Identifiers naming the request, each with the path it came from. */
  identifiers: { system: string | null; value: string; field: string }[];
}

export type ResponseKind = 'decision' | 'info_requested' | 'pended' | 'cancelled' | 'not_required' | 'error';

export interface ClaimResponseDecision {
  prefix: string;
  claimResponseId: string | null;
  kind: ResponseKind;
  /** The transition the answer means; null when it leaves the case where it is. */
  to: Extract<CaseStatus, 'approved' | 'partially_approved' | 'denied' | 'more_info_requested'> | null;
  actions: X12ReviewAction[];
  authorizationNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
  approvedUnits: number | null;
  denialCode: string | null;
  payerReason: string | null;
  denialText: string | null;
  pendingReference: string | null;
  payerErrors: PayerError[];
  note: string;
  /** ClaimResponse.created: when the payer decided. */
  created: string | null;
  request: RequestKeys;
}

interface Coded {
  code: string;
  system: string | null;
  display: string | null;
  path: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const tail = (url: string) => url.slice(url.lastIndexOf('/') + 1);
// Extensions are matched by their canonical URL or its last segment, as STU1 payers sent them.
const urlIs = (ext: unknown, url: string): boolean =>
  isObject(ext) && typeof ext.url === 'string' && (ext.url === url || tail(ext.url) === tail(url));
const findExt = (holder: Json, url: string): Json | undefined =>
  (asArray(holder.extension) ?? []).find((e): e is Json => isObject(e) && urlIs(e, url));
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function codesOf(concept: unknown, path: string): Coded[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.flatMap((c, i) =>
    isObject(c) && typeof c.code === 'string'
      ? [{ code: c.code, system: str(c.system), display: str(c.display), path: `${path}.coding[${i}].code` }]
      : [],
  );
}

interface Period {
  start?: unknown;
  end?: unknown;
  path: string;
}

interface ItemReading {
  action: X12ReviewAction;
  sequences: number[];
  number: string | null;
  reasons: Coded[];
  carc: string | null;
  preAuthPeriod: Period | null;
  requestedPeriod: Period | null;
  administrationReference: string | null;
  quantity: number | null;
}

function periodOf(holder: Json, url: string, path: string): Period | null {
  const ext = findExt(holder, url);
  if (!ext || !isObject(ext.valuePeriod)) return null;
  const i = (holder.extension as unknown[]).indexOf(ext);
  return { ...ext.valuePeriod, path: `${path}.extension[${i}].valuePeriod` };
}

/** The review action on an item's (or addItem's) adjudication, or on the item itself (STU1). */
function readReviewAction(
  item: Json,
  path: string,
  errors: FieldError[],
  required: boolean,
): Omit<
  ItemReading,
  'sequences' | 'preAuthPeriod' | 'requestedPeriod' | 'administrationReference' | 'quantity'
> | null {
  const holders: { ext: Json; path: string; adj: Json | null }[] = [];
  const adjudications = asArray(item.adjudication);
  if (!adjudications) {
    errors.push({ field: `${path}.adjudication`, reason: 'must be an array' });
    return null;
  }
  adjudications.forEach((adj, a) => {
    if (!isObject(adj)) return errors.push({ field: `${path}.adjudication[${a}]`, reason: 'must be an object' });
    (asArray(adj.extension) ?? []).forEach((ext, e) => {
      if (isObject(ext) && urlIs(ext, REVIEW_ACTION_URL))
        holders.push({ ext, path: `${path}.adjudication[${a}].extension[${e}]`, adj });
    });
  });
  (asArray(item.extension) ?? []).forEach((ext, e) => {
    if (isObject(ext) && urlIs(ext, REVIEW_ACTION_URL))
      holders.push({ ext, path: `${path}.extension[${e}]`, adj: null });
  });
  if (!holders.length) {
    if (required)
      errors.push({ field: `${path}.adjudication`, reason: `has no review action (extension ${REVIEW_ACTION_URL})` });
    return null;
  }
  const { ext, path: extPath, adj } = holders[0];
  let codes = codesOf(ext.valueCodeableConcept, `${extPath}.valueCodeableConcept`);
  let number: string | null = null;
  const reasons: Coded[] = [];
  (asArray(ext.extension) ?? []).forEach((sub, s) => {
    if (!isObject(sub) || typeof sub.url !== 'string') return;
    const subPath = `${extPath}.extension[${s}]`;
    if (!codes.length && (urlIs(sub, PAS_EXTENSIONS.reviewActionCode) || sub.url === 'code'))
      codes = codesOf(sub.valueCodeableConcept, `${subPath}.valueCodeableConcept`);
    else if (sub.url === 'number') number = str(sub.valueString);
    else if (sub.url === 'reasonCode')
      reasons.push(...codesOf(sub.valueCodeableConcept, `${subPath}.valueCodeableConcept`));
  });
  if (!codes.length) {
    errors.push({
      field: `${extPath}.extension`,
      reason: `must carry the review action code (${PAS_EXTENSIONS.reviewActionCode}) with an X12 306 code`,
    });
    return null;
  }
  const known = codes.find((c) => isX12ReviewAction(c.code));
  if (!known) {
    errors.push({
      field: codes[0].path,
      reason: `"${codes[0].code}" is not an X12 306 review action code (${Object.keys(X12_REVIEW_ACTIONS).join(', ')})`,
    });
    return null;
  }
  // Before PAS used reviewAction.reasonCode some payers put a CARC on adjudication.reason.
  let carc: string | null = null;
  for (const c of adj ? codesOf(adj.reason, `${path}.adjudication.reason`) : []) {
    const candidate = normalizeCarcCode(/^[0-9A-Z]{1,3}$/.test(c.code) ? `CO-${c.code}` : c.code);
    if (!carc && isValidCarcCode(candidate)) carc = candidate;
    else reasons.push(c);
  }
  return { action: known.code as X12ReviewAction, number, reasons, carc };
}

function sequencesOf(value: unknown, path: string, errors: FieldError[]): number[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v, i) => {
    if (Number.isInteger(v) && (v as number) >= 1) return [v as number];
    errors.push({ field: Array.isArray(value) ? `${path}[${i}]` : path, reason: 'must be a positive integer' });
    return [];
  });
}

function readItem(item: Json, path: string, errors: FieldError[], isAddItem: boolean): ItemReading | null {
  const action = readReviewAction(item, path, errors, !isAddItem);
  if (!action && !isAddItem) return null;
  const quantity = isObject(item.quantity) && typeof item.quantity.value === 'number' ? item.quantity.value : null;
  if (isAddItem && quantity !== null && (!Number.isInteger(quantity) || quantity < 0))
    errors.push({ field: `${path}.quantity.value`, reason: 'must be a whole number of units' });
  return {
    // An addItem without its own review action is what the payer authorized.
    ...(action ?? { action: 'A1' as const, number: null, reasons: [], carc: null }),
    sequences: sequencesOf(item.itemSequence, `${path}.itemSequence`, errors),
    preAuthPeriod: periodOf(item, PAS_EXTENSIONS.itemPreAuthPeriod, path),
    requestedPeriod: periodOf(item, PAS_EXTENSIONS.itemRequestedServiceDate, path),
    administrationReference: str(findExt(item, PAS_EXTENSIONS.administrationReferenceNumber)?.valueString),
    quantity,
  };
}

function toDate(value: unknown, field: string, errors: FieldError[]): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value.slice(0, 10)))) {
    errors.push({ field, reason: 'must be a FHIR date or dateTime' });
    return null;
  }
  return value.slice(0, 10);
}

function readPayerErrors(resource: Json): PayerError[] {
  if (resource.resourceType === 'OperationOutcome') {
    return (asArray(resource.issue) ?? []).filter(isObject).map((issue) => {
      const code = str(issue.code) ?? 'unknown';
      const details = isObject(issue.details) ? str(issue.details.text) : null;
      const text = str(issue.diagnostics) ?? details;
      const path = (asArray(issue.expression) ?? []).filter((e): e is string => typeof e === 'string').join(', ');
      return {
        code,
        display: details,
        followUp: null,
        element: null,
        path: path || null,
        hint: `The payer refused the request as ${code}${text ? `: ${text}` : ''}. Correct it and send it again.`,
      };
    });
  }
  return (asArray(resource.error) ?? []).filter(isObject).flatMap((error) => {
    const coded = codesOf(error.code, 'error.code')[0];
    if (!coded) return [];
    const followUp = codesOf(findExt(error, PAS_EXTENSIONS.errorFollowupAction)?.valueCodeableConcept, '')[0];
    const element = (asArray(findExt(error, PAS_EXTENSIONS.errorElement)?.extension) ?? []).find(
      (e): e is Json => isObject(e) && e.url === 'error',
    );
    return [
      {
        code: coded.code,
        display: coded.display,
        followUp: followUp?.code ?? null,
        element: str(element?.valueString),
        path: str(findExt(error, PAS_EXTENSIONS.errorPath)?.valueString),
        hint: describeX12Reject(coded.code, followUp?.code),
      },
    ];
  });
}

function readRequestKeys(cr: Json, siblings: Map<string, Json>): RequestKeys {
  const request = isObject(cr.request) ? cr.request : {};
  const identifiers: RequestKeys['identifiers'] = [];
  const add = (id: unknown, field: string) => {
    if (isObject(id) && str(id.value)) identifiers.push({ system: str(id.system), value: str(id.value)!, field });
  };
  add(request.identifier, 'request.identifier.value');
  const reference = str(request.reference);
  // The guide lets a response carry the Claim it answers; its identifier is then ours.
  const claim = reference ? resolveReference(reference, siblings) : null;
  if (claim?.resourceType === 'Claim') (asArray(claim.identifier) ?? []).forEach((i) => add(i, 'request.reference'));
  // A payer echoes the request's trace number (TRN) in its own identifier.
  (asArray(cr.identifier) ?? []).forEach((i, n) => add(i, `identifier[${n}].value`));
  return { reference, identifiers };
}

const unitsFor = (r: ItemReading, requestedUnits: number[]) =>
  r.sequences.length
    ? r.sequences.reduce((sum, s) => sum + (requestedUnits[s - 1] ?? 0), 0)
    : requestedUnits.length === 1
      ? requestedUnits[0]
      : 0;

/**
 * What the answer means. `requestedUnits[i]` are the units of the case's procedure line with
 * claim item sequence i + 1 (the order the export writes them in).
 */
export function readClaimResponse(
  body: unknown,
  requestedUnits: number[],
): { decision: ClaimResponseDecision } | { errors: FieldError[] } {
  const located = locateClaimResponse(body);
  if ('errors' in located) return located;
  const { resource: cr, prefix, siblings } = located;
  const errors: FieldError[] = [];
  const at = (field: string) => `${prefix}${field}`;
  const texts = [
    str(cr.disposition),
    ...(asArray(cr.processNote) ?? []).map((n) => (isObject(n) ? str(n.text) : null)),
  ].filter((s): s is string => s !== null);
  const id = str(cr.id);
  const base = {
    prefix,
    claimResponseId: id,
    actions: [] as X12ReviewAction[],
    authorizationNumber: null,
    validFrom: null,
    validTo: null,
    approvedUnits: null,
    denialCode: null,
    payerReason: null,
    denialText: null,
    pendingReference: null,
    payerErrors: [] as PayerError[],
    created: null as string | null,
    request: cr.resourceType === 'ClaimResponse' ? readRequestKeys(cr, siblings) : { reference: null, identifiers: [] },
  };

  if (cr.resourceType === 'OperationOutcome' || cr.outcome === 'error') {
    const payerErrors = readPayerErrors(cr);
    const hints = payerErrors.map(
      (e) => `${e.hint}${e.path || e.element ? ` (${[e.path, e.element].filter(Boolean).join(', ')})` : ''}`,
    );
    return {
      decision: {
        ...base,
        kind: 'error',
        to: null,
        payerErrors,
        created: str(cr.created),
        note: [
          `The payer could not process the request${id ? ` (ClaimResponse ${id})` : ''}.`,
          ...hints,
          ...texts,
        ].join(' '),
      },
    };
  }

  if (cr.use !== undefined && cr.use !== 'preauthorization')
    errors.push({ field: at('use'), reason: 'must be "preauthorization"' });
  const items = asArray(cr.item);
  if (!items) errors.push({ field: at('item'), reason: 'must be an array' });
  else if (!items.length)
    errors.push({ field: at('item'), reason: 'must hold at least one item with a review action' });
  const readings: ItemReading[] = [];
  (items ?? []).forEach((item, i) => {
    if (!isObject(item)) return errors.push({ field: at(`item[${i}]`), reason: 'must be an object' });
    const reading = readItem(item, at(`item[${i}]`), errors, false);
    if (reading) readings.push(reading);
  });
  const added = (asArray(cr.addItem) ?? []).flatMap((item, i) => {
    const reading = isObject(item) ? readItem(item, at(`addItem[${i}]`), errors, true) : null;
    return reading ? [reading] : [];
  });
  const created = toDate(cr.created, at('created'), errors) ? (cr.created as string) : null;
  if (errors.length) return { errors };

  const actions = readings.map((r) => r.action);
  const has = (...codes: X12ReviewAction[]) => actions.some((a) => codes.includes(a));
  const every = (...codes: X12ReviewAction[]) => actions.every((a) => codes.includes(a));
  const asksForInfo = has('CT') || (has('A4') && (asArray(cr.communicationRequest) ?? []).length > 0);
  const pendingReference = readings.find((r) => r.administrationReference)?.administrationReference ?? null;
  const summary = `Payer ClaimResponse${id ? ` ${id}` : ''}: ${readings
    .map((r) => `item ${r.sequences.join('+') || '?'} ${r.action} (${X12_REVIEW_ACTIONS[r.action]})`)
    .join(', ')}`;
  const reasonText = (codes: Coded[]) =>
    codes.map((c) => `X12 review decision reason ${c.code}${c.display ? ` ${c.display}` : ''}`).join('; ');
  const allReasons = readings.flatMap((r) => r.reasons);
  const common = { ...base, actions, created, pendingReference };

  if (asksForInfo || has('A4')) {
    const waiting = asksForInfo
      ? 'The payer needs more information before it decides'
      : 'The payer pended the request; its decision will follow';
    return {
      decision: {
        ...common,
        kind: asksForInfo ? 'info_requested' : 'pended',
        to: asksForInfo ? 'more_info_requested' : null,
        note: [
          `${summary}. ${waiting}${pendingReference ? ` (payer reference ${pendingReference})` : ''}.`,
          reasonText(allReasons),
          ...texts,
        ]
          .filter(Boolean)
          .join(' '),
      },
    };
  }
  if (every('C') || every('NA')) {
    const kind = every('C') ? 'cancelled' : 'not_required';
    const what =
      kind === 'cancelled' ? 'The payer confirmed the cancellation' : 'The payer says no authorization is needed';
    return { decision: { ...common, kind, to: null, note: [`${summary}. ${what}.`, ...texts].join(' ') } };
  }

  // What is authorized: requested items certified in total, and for partial (A2) or modified
  // (A6) items what the payer put in addItem under their sequence.
  let approvedUnits = 0;
  readings.forEach((r, i) => {
    if (r.action === 'A1') {
      const named = r.sequences.some((s) => requestedUnits[s - 1] !== undefined);
      if (r.sequences.length ? !named : requestedUnits.length > 1)
        errors.push({ field: at(`item[${i}].itemSequence`), reason: 'does not name a requested procedure line' });
      approvedUnits += unitsFor(r, requestedUnits);
    } else if (r.action === 'A2' || r.action === 'A6') {
      const linked = added.filter(
        (a) => a.sequences.some((s) => r.sequences.includes(s)) && ['A1', 'A2', 'A6'].includes(a.action),
      );
      if (!linked.length || linked.some((a) => a.quantity === null))
        errors.push({
          field: at(`item[${i}]`),
          reason: `${r.action} (${X12_REVIEW_ACTIONS[r.action]}) needs what was authorized: an addItem with itemSequence ${r.sequences.join(', ') || '(this item)'} and its quantity`,
        });
      approvedUnits += linked.reduce((sum, a) => sum + (a.quantity ?? 0), 0);
    }
  });
  const requested = requestedUnits.reduce((a, b) => a + b, 0);
  const to: ClaimResponseDecision['to'] = every('A3', 'C', 'NA')
    ? 'denied'
    : every('A1') || (approvedUnits >= requested && !has('A3'))
      ? 'approved'
      : approvedUnits === 0
        ? 'denied'
        : 'partially_approved';

  let authorizationNumber: string | null = null;
  let validFrom: string | null = null;
  let validTo: string | null = null;
  if (to !== 'denied') {
    const certified = [...readings, ...added].filter((r) => ['A1', 'A2', 'A6'].includes(r.action));
    authorizationNumber = str(cr.preAuthRef) ?? certified.find((r) => r.number)?.number ?? null;
    if (!authorizationNumber)
      errors.push({
        field: at('preAuthRef'),
        reason: 'is required when the request is certified: the authorization number (or reviewAction.number)',
      });
    else if (authorizationNumber.length > 60)
      errors.push({ field: at('preAuthRef'), reason: 'is longer than 60 characters' });
    // Certified in total without dates of its own means certified for the dates requested.
    const period: Period | null = isObject(cr.preAuthPeriod)
      ? { ...cr.preAuthPeriod, path: at('preAuthPeriod') }
      : (certified.find((r) => r.preAuthPeriod)?.preAuthPeriod ??
        (every('A1') ? (readings.find((r) => r.requestedPeriod)?.requestedPeriod ?? null) : null));
    if (!period) {
      errors.push({
        field: at('preAuthPeriod'),
        reason: 'is required when the request is certified: the validity window (start and end)',
      });
    } else {
      for (const end of ['start', 'end'] as const) {
        const field = `${period.path}.${end}`;
        if (period[end] === undefined) errors.push({ field, reason: 'is required' });
        const value = toDate(period[end], field, errors);
        if (end === 'start') validFrom = value;
        else validTo = value;
      }
    }
  }
  if (errors.length) return { errors };

  const carc = to === 'denied' ? (readings.find((r) => r.carc)?.carc ?? null) : null;
  const deniedReasons = readings.filter((r) => r.action === 'A3').flatMap((r) => r.reasons);
  const payerReason =
    to === 'denied' && !carc
      ? reasonText(deniedReasons) || 'X12 306 A3 Not certified; the payer gave no reason code'
      : null;
  const extras = added.filter((a) => a.sequences.every((s) => requestedUnits[s - 1] === undefined));
  return {
    decision: {
      ...common,
      kind: 'decision',
      to,
      authorizationNumber,
      validFrom,
      validTo,
      approvedUnits: to === 'partially_approved' ? approvedUnits : null,
      denialCode: carc,
      payerReason,
      denialText: to === 'denied' ? [payerReason, ...texts].filter(Boolean).join('. ') || null : null,
      note: [
        summary,
        authorizationNumber ? `authorization ${authorizationNumber}` : null,
        to !== 'denied' && to !== 'approved' ? `${approvedUnits} of ${requested} units authorized` : null,
        extras.length ? `${extras.length} further item(s) authorized beyond the request (addItem)` : null,
        to === 'denied' ? (payerReason ?? carc) : reasonText(allReasons) || null,
        ...texts,
      ]
        .filter(Boolean)
        .join('. '),
    },
  };
}
