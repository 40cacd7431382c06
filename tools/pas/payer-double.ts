import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { importSPKI, jwtVerify } from 'jose';

// A payer's Da Vinci PAS endpoint for tests only (the API's integration tests and the browser
// journeys; never part of the app): a SMART Backend Services token endpoint that
// verifies the client assertion against the clinic's public key, and Claim/$submit and
// Claim/$inquire answering each request with the next scripted reply. Listens on 127.0.0.1 only.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR bodies are walked by deep paths

export type PayerReply =
  | { kind: 'answer'; body: (request: Json) => Json }
  | { kind: 'status'; status: number }
  | { kind: 'expired-token' };

export interface PayerDouble {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  keyId: string;
  privateKeyPem: string;
  /** Requests Claim/$submit received, in order. */
  received: Json[];
  /** Inquiry Bundles Claim/$inquire received, in order. */
  inquiries: Json[];
  /** What Claim/$inquire answers next, in order; when none is left it answers 500. */
  inquireReplies: PayerReply[];
  /** Whether the CapabilityStatement offers rest-hook Subscriptions (the PAS topic). */
  offersSubscriptions: boolean;
  /** Subscriptions created at [base]/Subscription, as posted (with the id the double gave). */
  subscriptions: Json[];
  /** A notification of `subscription` carrying the full response Bundles, as the guide sends them. */
  notification(
    subscription: Json,
    responses: Json[],
    type?: string,
  ): { path: string; authorization: string; body: Json };
  /** Client assertions the token endpoint accepted (their claims). */
  assertions: Json[];
  replies: PayerReply[];
  close(): Promise<void>;
}

// HL7/davinci-pas 2.2.1 input/fsh/Examples.fsh instances, converted (their README names each).
const EXAMPLES_DIR = resolve(__dirname, '../../apps/api/test/fixtures/pas');

/** The guide's example response `name`, made to answer the request it is given (request.reference). */
export const answering =
  (name: string) =>
  (request: Json): Json => {
    const bundle = JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as Json;
    const [{ fullUrl }] = request.entry as { fullUrl: string }[];
    (bundle.entry as { resource: Json }[])[0].resource.request = { reference: fullUrl };
    return bundle;
  };

/** The Claim a request Bundle or inquiry asks about: its first entry's identifier value. */
const claimIdentifierOf = (bundle: Json): string | undefined => {
  const claim = (bundle.entry as { resource?: { identifier?: { value?: string }[] } }[] | undefined)?.[0]?.resource;
  return claim?.identifier?.[0]?.value;
};

/**
 * The guide's example response `name` as a Claim/$inquire answer (a Parameters of inquiry
 * response Bundles) about the request the inquiry names: the response references the Claim that
 * was submitted with the same identifier, as the guide asks an inquiry response to.
 */
export const inquiryAnswering =
  (name: string, submitted: () => Json[]) =>
  (inquiry: Json): Json => {
    const loaded = JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as Json;
    const params: Json =
      loaded.resourceType === 'Parameters'
        ? loaded
        : { resourceType: 'Parameters', parameter: [{ name: 'responseBundle', resource: loaded }] };
    const wanted = claimIdentifierOf(inquiry);
    const original = submitted().find((r) => claimIdentifierOf(r) === wanted);
    const [{ fullUrl }] = (original ?? inquiry).entry as { fullUrl: string }[];
    const bundle = (params.parameter as { resource: Json }[])[0].resource;
    (bundle.entry as { resource: Json }[])[0].resource.request = { reference: fullUrl };
    return params;
  };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPayerDouble(): Promise<PayerDouble> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const verifyKey = await importSPKI(publicKeyPem, 'RS384');
  const tokens = new Set<string>();
  const double = {
    clientId: 'preauth-clinic',
    keyId: 'clinic-key-1',
    privateKeyPem,
    received: [] as Json[],
    inquiries: [] as Json[],
    inquireReplies: [] as PayerReply[],
    offersSubscriptions: false,
    subscriptions: [] as Json[],
    assertions: [] as Json[],
    replies: [] as PayerReply[],
  };
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/fhir+json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  let tokenUrl = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method === 'POST' && req.url === '/token') {
        const form = new URLSearchParams(body);
        try {
          const { payload, protectedHeader } = await jwtVerify(form.get('client_assertion') ?? '', verifyKey, {
            issuer: double.clientId,
            subject: double.clientId,
            audience: tokenUrl,
          });
          if (form.get('grant_type') !== 'client_credentials' || protectedHeader.kid !== double.keyId)
            throw new Error();
          double.assertions.push(payload);
        } catch {
          return send(res, 401, { error: 'invalid_client' });
        }
        const token = randomUUID();
        tokens.add(token);
        return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 300, scope: form.get('scope') });
      }
      if (req.method === 'GET' && req.url === '/fhir/metadata') {
        const subscription = {
          type: 'Subscription',
          extension: [
            {
              url: 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical',
              valueCanonical: 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
            },
          ],
          interaction: [{ code: 'create' }, { code: 'update' }, { code: 'delete' }],
        };
        return send(res, 200, {
          resourceType: 'CapabilityStatement',
          status: 'active',
          kind: 'instance',
          fhirVersion: '4.0.1',
          format: ['json'],
          rest: [
            { mode: 'server', resource: [{ type: 'Claim' }, ...(double.offersSubscriptions ? [subscription] : [])] },
          ],
        });
      }
      if (req.method === 'POST' && req.url === '/fhir/Subscription') {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!tokens.has(token)) return send(res, 401);
        if (!double.offersSubscriptions) return send(res, 404);
        const subscription = { ...(JSON.parse(body) as Json), id: `sub-${double.subscriptions.length + 1}` };
        double.subscriptions.push(subscription);
        return send(res, 201, subscription);
      }
      const operation =
        req.method === 'POST' ? /^\/fhir\/Claim\/\$(submit|inquire)$/.exec(req.url ?? '')?.[1] : undefined;
      if (operation) {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!tokens.has(token)) return send(res, 401);
        const queue = operation === 'submit' ? double.replies : double.inquireReplies;
        const reply = queue.shift() ?? { kind: 'status', status: 500 };
        if (reply.kind === 'expired-token') {
          tokens.delete(token);
          return send(res, 401);
        }
        const request = JSON.parse(body) as Json;
        (operation === 'submit' ? double.received : double.inquiries).push(request);
        if (reply.kind === 'status') return send(res, reply.status);
        return send(res, 200, reply.body(request));
      }
      send(res, 404);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  tokenUrl = `http://127.0.0.1:${port}/token`;
  const notification = (subscription: Json, responses: Json[], type = 'event-notification') => {
    const channel = subscription.channel as { endpoint: string; header: string[] };
    return {
      path: new URL(channel.endpoint).pathname,
      authorization: channel.header[0].replace(/^Authorization: /, ''),
      body: {
        resourceType: 'Bundle',
        type: 'history',
        timestamp: new Date().toISOString(),
        entry: [
          {
            fullUrl: `urn:uuid:${randomUUID()}`,
            resource: {
              resourceType: 'Parameters',
              parameter: [
                { name: 'subscription', valueReference: { reference: `Subscription/${String(subscription.id)}` } },
                {
                  name: 'topic',
                  valueCanonical: 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
                },
                { name: 'type', valueCode: type },
              ],
            },
            request: { method: 'GET', url: `Subscription/${String(subscription.id)}/$status` },
            response: { status: '200' },
          },
          ...responses.map((resource) => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource })),
        ],
      },
    };
  };
  // The same object the server reads, so a test's changes (offersSubscriptions) take effect.
  return Object.assign(double, {
    notification,
    baseUrl: `http://127.0.0.1:${port}/fhir`,
    tokenUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
