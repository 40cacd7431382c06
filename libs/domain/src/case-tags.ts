// Tags on cases: short labels the clinic chooses ("needs photos", "waiting on PCP", "VIP
// callback") to find a group of cases again. The API checks every tag with these rules and keys
// it with caseTagKey; the dashboard checks what is typed with the same rules and words.

export const CASE_TAG_MAX_LENGTH = 40;
/** Enough labels for any case; a case with more is no longer sorted by them. */
export const CASE_TAGS_PER_CASE = 20;

/**
 * A tag as it is kept and shown: Unicode NFC, trimmed, each run of spaces one space. Two tags that
 * differ only in letter case are the same tag (caseTagKey).
 */
export function normalizeCaseTag(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** What makes two tags the same: the normalized tag in lower case. */
export function caseTagKey(tag: string): string {
  return normalizeCaseTag(tag).toLowerCase();
}

// Line breaks and tabs become spaces (normalizeCaseTag); other control characters cannot be typed and break the CSV; a comma separates tags in the CSV's
// Tags column and in what people paste.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f]/;

/** Why a tag (as typed) cannot be kept, in words that follow its field's name, or null. */
export function caseTagProblem(text: string): string | null {
  const tag = normalizeCaseTag(text);
  if (!tag) return 'is empty';
  if ([...tag].length > CASE_TAG_MAX_LENGTH) return `is longer than ${CASE_TAG_MAX_LENGTH} characters`;
  if (UNSHOWABLE.test(tag)) return 'has a character a tag cannot hold (a control character)';
  if (tag.includes(',')) return 'has a comma (commas separate tags)';
  return null;
}

/** Why a case cannot take one more tag, or null: it holds `count` tags already. */
export function caseTagLimitProblem(count: number): string | null {
  return count >= CASE_TAGS_PER_CASE
    ? `The case already has ${CASE_TAGS_PER_CASE} tags, the most a case can hold; remove one first.`
    : null;
}

/** Whether a case's tags already hold this one (whatever its letter case). */
export function hasCaseTag(tags: readonly string[], tag: string): boolean {
  const key = caseTagKey(tag);
  return tags.some((t) => caseTagKey(t) === key);
}
