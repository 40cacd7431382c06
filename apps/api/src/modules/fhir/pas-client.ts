import { randomUUID } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';

// Talking to a payer's Da Vinci PAS endpoint: a SMART Backend Services access token (a client
// assertion signed with the clinic's private key, RFC 7523), then Claim/$submit with the request
// Bundle or Claim/$inquire with an inquiry Bundle. The answer is returned as received; nothing
// here writes to the case.

export interface PasEndpoint {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  keyId: string;
  privateKeyPem: string;
}

export const PAS_SIGNING_ALG = 'RS384';
const TOKEN_TIMEOUT_MS = 10_000;
const SUBMIT_TIMEOUT_MS = 30_000;

/** The payer could not be reached or did not answer as PAS says: nothing was decided. */
export class PayerUnavailableError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PayerUnavailableError';
  }
}

export interface SubmitResult {
  status: number;
  body: unknown;
  elapsedMs: number;
}

async function accessToken(endpoint: PasEndpoint): Promise<string> {
  const key = await importPKCS8(endpoint.privateKeyPem, PAS_SIGNING_ALG);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: PAS_SIGNING_ALG, kid: endpoint.keyId, typ: 'JWT' })
    .setIssuer(endpoint.clientId)
    .setSubject(endpoint.clientId)
    .setAudience(endpoint.tokenUrl)
    .setJti(randomUUID())
    .setExpirationTime('5m')
    .sign(key);
  let res: Response;
  try {
    res = await fetch(endpoint.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'system/Claim.write system/ClaimResponse.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch {
    throw new PayerUnavailableError("The payer's token endpoint could not be reached.", null);
  }
  const json = (await res.json().catch(() => null)) as { access_token?: unknown } | null;
  if (!res.ok || typeof json?.access_token !== 'string')
    throw new PayerUnavailableError(
      `The payer's token endpoint refused the clinic's credentials (HTTP ${res.status}).`,
      res.status,
    );
  return json.access_token;
}

export type PasOperation = '$submit' | '$inquire';

/** POST the Bundle to Claim/$submit or Claim/$inquire; an expired or revoked token is replaced once. */
export const callPayer = (endpoint: PasEndpoint, operation: PasOperation, bundle: unknown): Promise<SubmitResult> =>
  postToPayer(endpoint, `Claim/${operation}`, bundle);

/** POST a resource to `path` under the payer's base URL with a fresh access token. */
export async function postToPayer(endpoint: PasEndpoint, path: string, resource: unknown): Promise<SubmitResult> {
  const started = Date.now();
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/${path}`;
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken(endpoint);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/fhir+json',
          Accept: 'application/fhir+json',
        },
        body: JSON.stringify(resource),
        signal: AbortSignal.timeout(SUBMIT_TIMEOUT_MS),
      });
    } catch {
      throw new PayerUnavailableError("The payer's PAS endpoint did not answer in time.", null);
    }
    if (res.status === 401 && attempt === 0) continue;
    // PAS: 5XX may succeed when sent again later; no OperationOutcome comes with it.
    if (res.status >= 500 || res.status === 401 || res.status === 403)
      throw new PayerUnavailableError(`The payer's PAS endpoint answered HTTP ${res.status}.`, res.status);
    // Parsed here rather than by fetch, so the arrays are this realm's (the FHIR validator checks with instanceof).
    let body: unknown;
    try {
      body = JSON.parse(await res.text()) as unknown;
    } catch {
      body = null;
    }
    if (body === null) throw new PayerUnavailableError("The payer's answer was not JSON.", res.status);
    return { status: res.status, body, elapsedMs: Date.now() - started };
  }
}

export const submitToPayer = (endpoint: PasEndpoint, bundle: unknown) => callPayer(endpoint, '$submit', bundle);

/** The PAS subscription topic; a payer offering it names it on Subscription in its CapabilityStatement. */
export const PAS_SUBSCRIPTION_TOPIC = 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic';

/** Whether the payer's CapabilityStatement ([base]/metadata) offers Subscription (the guide's way to say so). */
export async function offersSubscriptions(endpoint: PasEndpoint): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch(`${endpoint.baseUrl.replace(/\/+$/, '')}/metadata`, {
      headers: { Accept: 'application/fhir+json' },
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch {
    throw new PayerUnavailableError("The payer's PAS endpoint did not answer in time.", null);
  }
  if (!res.ok) throw new PayerUnavailableError(`The payer's metadata answered HTTP ${res.status}.`, res.status);
  let json: { rest?: { resource?: { type?: string; interaction?: { code?: string }[] }[] }[] } | null;
  try {
    json = JSON.parse(await res.text()) as typeof json;
  } catch {
    json = null;
  }
  return (json?.rest ?? []).some((rest) =>
    (rest.resource ?? []).some(
      (r) => r.type === 'Subscription' && (r.interaction ?? []).some((i) => i.code === 'create'),
    ),
  );
}
