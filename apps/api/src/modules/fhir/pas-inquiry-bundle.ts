import { nameBasedUuid } from './pas-identity';
import { PAS_EXT, PAS_PROFILES } from './pas-resources';

// A PAS Inquiry Request Bundle (Claim/$inquire) made from the request Bundle a case was sent
// with: the guide's inquiry is a query by example, a PASClaimInquiry first, then the resources it
// references. The Claim's identifier (the case's `urn:trnorg:` number, which the payer echoes)
// names the request; the documents are not sent again, an inquiry asks about them, not with them.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function buildInquiryBundle(sent: Json, now: Date): Json | null {
  const entries = Array.isArray(sent.entry) ? sent.entry.filter(isObject) : [];
  const first = entries[0]?.resource;
  if (!isObject(first) || first.resourceType !== 'Claim') return null;
  const id = nameBasedUuid(`preauth:inquiry:${String(first.id)}:${now.toISOString()}`);
  const items = Array.isArray(first.item) ? first.item.filter(isObject) : [];
  // The update-only and document-only parts of the sent Claim have no place in an inquiry.
  const { related: _related, supportingInfo: _documents, ...rest } = first;
  const inquiry: Json = {
    ...rest,
    id,
    meta: { profile: [PAS_PROFILES.claimInquiry] },
    identifier: Array.isArray(first.identifier) ? first.identifier.slice(0, 1) : [],
    created: now.toISOString(),
    item: items.map(({ modifierExtension: _cancelled, ...item }) => ({
      ...item,
      extension: (Array.isArray(item.extension) ? item.extension.filter(isObject) : []).filter(
        (e) => e.url !== PAS_EXT('extension-infoChanged'),
      ),
    })),
  };
  const others = entries
    .slice(1)
    .filter((e) => isObject(e.resource) && !['Claim', 'DocumentReference'].includes(String(e.resource.resourceType)));
  return {
    resourceType: 'Bundle',
    id: nameBasedUuid(`preauth:inquiry-bundle:${id}`),
    meta: { profile: [PAS_PROFILES.inquiryBundle] },
    identifier: isObject(sent.identifier)
      ? { ...sent.identifier, value: `${String(sent.identifier.value)}-INQ-${now.getTime()}` }
      : undefined,
    type: 'collection',
    timestamp: now.toISOString(),
    entry: [{ fullUrl: `urn:uuid:${id}`, resource: inquiry }, ...others],
  };
}
