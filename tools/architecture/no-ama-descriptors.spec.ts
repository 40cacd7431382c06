import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// CPT descriptors are the AMA's copyrighted text: Preauth ships its own plain-language labels,
// and a clinic loads its licensed file (`npm run codes:load -- --cpt`). These are fragments of
// the descriptors of the codes the product knows, base64-encoded so this test is not a copy.
const ENCODED_FRAGMENTS = [
  'YWNuZSBzdXJnZXJ5IChtYXJzdXBpYWxpemF0aW9u',
  'dGFuZ2VudGlhbCBiaW9wc3kgb2Ygc2tpbg==',
  'Y3V0YW5lb3VzIHZhc2N1bGFyIHByb2xpZmVyYXRpdmUgbGVzaW9ucw==',
  'ZXh0ZXJuYWwgb2N1bGFyIHBob3RvZ3JhcGh5IGZvciBkb2N1bWVudGF0aW9u',
  'ZGVzdHJ1Y3Rpb24gb2YgbGVzaW9uIG9mIGxpZCBtYXJnaW4=',
  'ZXhjaXNpb24gb2YgbGVzaW9uIG9mIGV5ZWxpZCAoZXhjZXB0IGNoYWxhemlvbik=',
  'cHVuY2ggYmlvcHN5IG9mIHNraW4gKGluY2x1ZGluZyBzaW1wbGUgY2xvc3VyZQ==',
  'aW5jaXNpb25hbCBiaW9wc3kgb2Ygc2tpbiAoZS5nLiB3ZWRnZSk=',
  'ZWFjaCBzZXBhcmF0ZS9hZGRpdGlvbmFsIGxlc2lvbg==',
  'Y3J5b3RoZXJhcHkgKGNvMiBzbHVzaCwgbGlxdWlkIG5pdHJvZ2VuKQ==',
  'Y2hlbWljYWwgZXhmb2xpYXRpb24gZm9yIGFjbmU=',
  'ZGVybWFicmFzaW9uOyBzZWdtZW50YWw=',
  'Y2hlbWljYWwgcGVlbCwgZmFjaWFsOyBlcGlkZXJtYWw=',
];
const FRAGMENTS = ENCODED_FRAGMENTS.map((encoded) => Buffer.from(encoded, 'base64').toString('utf8'));

const root = resolve(__dirname, '../..');
const MAX_BYTES = 5_000_000;

/** Tracked files and new ones not ignored: what a commit of this tree would publish. */
function repositoryFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
}

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function findAmaDescriptors(text: string): string[] {
  const normalized = normalize(text);
  return FRAGMENTS.filter((fragment) => normalized.includes(fragment));
}

describe('no AMA CPT descriptor text in the repository', () => {
  it('recognises a descriptor however it is spaced or cased', () => {
    expect(findAmaDescriptors(`x ${FRAGMENTS[0].toUpperCase().replace(/ /g, '\n  ')} y`)).toEqual([FRAGMENTS[0]]);
    expect(findAmaDescriptors('Extraction of acne lesions, including opening and removing multiple milia')).toEqual([]);
  });

  it('is in no source, seed, test, document or data file', () => {
    const found: string[] = [];
    for (const file of repositoryFiles()) {
      const path = join(root, file);
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        continue; // deleted in the work tree, not yet in the index
      }
      if (size > MAX_BYTES || /\.(png|jpe?g|webp|gz|pdf|ico|woff2?)$/i.test(file)) continue;
      const bytes = readFileSync(path);
      if (bytes.includes(0)) continue;
      for (const fragment of findAmaDescriptors(bytes.toString('utf8'))) found.push(`${file}: "${fragment}"`);
    }
    expect(found).toEqual([]);
  });
});
