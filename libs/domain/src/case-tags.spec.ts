import {
  CASE_TAG_MAX_LENGTH,
  CASE_TAGS_PER_CASE,
  caseTagKey,
  caseTagLimitProblem,
  caseTagProblem,
  hasCaseTag,
  normalizeCaseTag,
} from './case-tags';

describe('case tags', () => {
  it.each([
    ['  needs photos ', 'needs photos'],
    ['waiting   on\tPCP', 'waiting on PCP'],
    ['VIP callback', 'VIP callback'],
    ['cafe\u0301', 'café'],
  ])('normalizes %j to %j', (text, tag) => {
    expect(normalizeCaseTag(text)).toBe(tag);
  });

  it('keys tags that differ only in case and spacing alike', () => {
    expect(caseTagKey(' VIP  Callback')).toBe('vip callback');
    expect(caseTagKey('vip callback')).toBe(caseTagKey('VIP CALLBACK'));
    expect(hasCaseTag(['Needs photos', 'VIP'], ' needs PHOTOS ')).toBe(true);
    expect(hasCaseTag(['Needs photos'], 'needs photo')).toBe(false);
  });

  it.each([
    ['needs photos', null],
    ['x'.repeat(CASE_TAG_MAX_LENGTH), null],
    ['é'.repeat(CASE_TAG_MAX_LENGTH), null],
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['x'.repeat(CASE_TAG_MAX_LENGTH + 1), 'is longer than 40 characters'],
    ['a\u0000b', 'has a character a tag cannot hold (a control character)'],
    ['line\nbreak', null],
    ['PCP, derm', 'has a comma (commas separate tags)'],
  ])('%j → %j', (text, problem) => {
    expect(caseTagProblem(text)).toBe(problem);
  });

  it('counts the tags per case against the limit', () => {
    expect(caseTagLimitProblem(CASE_TAGS_PER_CASE - 1)).toBeNull();
    expect(caseTagLimitProblem(CASE_TAGS_PER_CASE)).toBe(
      'The case already has 20 tags, the most a case can hold; remove one first.',
    );
  });
});
