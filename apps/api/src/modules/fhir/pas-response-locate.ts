// Where the payer's answer sits in what was posted. PAS answers arrive as a ClaimResponse, a PAS
// response Bundle (ClaimResponse first), a subscription notification (a history Bundle holding
// the response Bundle), an operation's Parameters (responseBundle) or, when the payer could not
// process the request at all, an OperationOutcome.

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] | null => (v === undefined ? [] : Array.isArray(v) ? v : null);

export interface FieldError {
  field: string;
  reason: string;
}

export interface LocatedResponse {
  resource: Json;
  /** JSON path of the resource in the body ('' or 'entry[0].resource.'), for error paths. */
  prefix: string;
  /** Every resource of the Bundle(s) around it by fullUrl, to resolve ClaimResponse.request. */
  siblings: Map<string, Json>;
}

const MAX_DEPTH = 4;

function collect(
  body: Json,
  prefix: string,
  depth: number,
  found: { resource: Json; prefix: string }[],
  siblings: Map<string, Json>,
  outcomes: { resource: Json; prefix: string }[],
): void {
  if (depth > MAX_DEPTH) return;
  if (body.resourceType === 'ClaimResponse') found.push({ resource: body, prefix });
  else if (body.resourceType === 'OperationOutcome') outcomes.push({ resource: body, prefix });
  else if (body.resourceType === 'Bundle') {
    (asArray(body.entry) ?? []).forEach((e, i) => {
      if (!isObject(e) || !isObject(e.resource)) return;
      if (typeof e.fullUrl === 'string') siblings.set(e.fullUrl, e.resource);
      collect(e.resource, `${prefix}entry[${i}].resource.`, depth + 1, found, siblings, outcomes);
    });
  } else if (body.resourceType === 'Parameters') {
    (asArray(body.parameter) ?? []).forEach((p, i) => {
      if (isObject(p) && isObject(p.resource))
        collect(p.resource, `${prefix}parameter[${i}].resource.`, depth + 1, found, siblings, outcomes);
    });
  }
}

export function locateClaimResponse(body: unknown): LocatedResponse | { errors: FieldError[] } {
  if (!isObject(body))
    return {
      errors: [{ field: '(body)', reason: 'must be a FHIR ClaimResponse or a Bundle containing one (JSON object)' }],
    };
  if (!['ClaimResponse', 'Bundle', 'Parameters', 'OperationOutcome'].includes(body.resourceType as string))
    return {
      errors: [
        { field: 'resourceType', reason: 'must be "ClaimResponse", "Bundle", "Parameters" or "OperationOutcome"' },
      ],
    };
  if (body.resourceType === 'Bundle' && !asArray(body.entry))
    return { errors: [{ field: 'entry', reason: 'must be an array' }] };
  const found: { resource: Json; prefix: string }[] = [];
  const outcomes: { resource: Json; prefix: string }[] = [];
  const siblings = new Map<string, Json>();
  collect(body, '', 0, found, siblings, outcomes);
  if (found.length > 1) return { errors: [{ field: 'entry', reason: 'holds more than one ClaimResponse' }] };
  if (found.length === 1) return { ...found[0], siblings };
  if (outcomes.length) return { ...outcomes[0], siblings };
  return { errors: [{ field: 'entry', reason: 'holds no ClaimResponse' }] };
}

/** The resource a reference points at inside the posted Bundle(s), matched by fullUrl or type/id. */
export function resolveReference(reference: string, siblings: Map<string, Json>): Json | null {
  const direct = siblings.get(reference);
  if (direct) return direct;
  const [type, id] = reference.split('/').slice(-2);
  for (const [url, resource] of siblings) {
    if (url.endsWith(`/${reference}`) || (resource.resourceType === type && resource.id === id)) return resource;
  }
  return null;
}
