import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSummary, summaryOfStory } from '../../src/article/summary.js';

const SEED_LEAD =
  "The US central command (CENTCOM) has said that it killed a a senior commander with the Iran-backed militia group Kata'ib Hezbollah in Iraq, allegedly involved in planning attacks on American bases overseas.";

describe('deriveSummary', () => {
  it('takes two lead sentences when they fit in 300 characters', () => {
    expect(deriveSummary('First sentence here. Second one. Third one.')).toBe('First sentence here. Second one.');
  });

  it('takes the seed lead alone: a second copy would not fit', () => {
    expect(deriveSummary(`${SEED_LEAD} ${SEED_LEAD}`)).toBe(SEED_LEAD);
  });

  it('takes exactly 300 characters of two sentences, not 301', () => {
    const first = `${'a'.repeat(148)}.`;
    const second = `B${'b'.repeat(148)}.`;
    expect(deriveSummary(`${first} ${second}`)).toBe(`${first} ${second}`);
    expect(deriveSummary(`${first} ${second}b`)).toBe(first);
  });

  it('collapses white space, line breaks included', () => {
    expect(deriveSummary('  The   strike\n\nkilled three.\tOfficials   said so.  ')).toBe('The strike killed three. Officials said so.');
  });

  it('keeps "9:30 p.m. local time" inside its sentence', () => {
    expect(deriveSummary('It happened around 9:30 p.m. local time, officials said. The U.S. Central Command confirmed it. A third sentence.')).toBe(
      'It happened around 9:30 p.m. local time, officials said. The U.S. Central Command confirmed it.',
    );
  });

  it('cuts an over-long first sentence at a word boundary with an ellipsis', () => {
    const summary = deriveSummary(`${'alpha '.repeat(80)}end.`);
    expect(summary).toBe(`${'alpha '.repeat(49)}alpha…`);
    expect(summary.length).toBeLessThanOrEqual(300);
  });

  it('cuts one giant token at 299 characters plus "…"', () => {
    expect(deriveSummary('x'.repeat(1000))).toBe(`${'x'.repeat(299)}…`);
  });

  it.each(['', '   \n ', '…', '— — —'])('gives an empty summary for %j, which has no words', (text) => {
    expect(deriveSummary(text)).toBe('');
  });

  it('skips a leading sentence with no words in it', () => {
    expect(deriveSummary('— . Markets rose. Bonds fell.')).toBe('Markets rose. Bonds fell.');
  });

  it('finds the lead after a long run of white space', () => {
    expect(deriveSummary(`${' '.repeat(5000)}Markets rose.`)).toBe('Markets rose.');
  });

  it('is never longer than 300 characters, never throws, and is trimmed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.string(), fc.string({ unit: 'grapheme', minLength: 280, maxLength: 700 })), (text) => {
        const summary = deriveSummary(text);
        return summary.length <= 300 && summary === summary.trim();
      }),
      { numRuns: 300 },
    );
  });
});

describe('summaryOfStory', () => {
  it('leaves a headline line opening the story to the headline and starts at the paragraph after it', () => {
    expect(summaryOfStory(["Elon Musk's $56bn pay deal approved by Tesla shareholders", 'Tesla shareholders have voted to approve the pay package. The vote is not binding.'])).toBe(
      'Tesla shareholders have voted to approve the pay package. The vote is not binding.',
    );
  });

  it('never runs a paragraph without a full stop into the next', () => {
    expect(summaryOfStory(['The council voted on Tuesday.', 'What happens next', 'The bridge closes in May.'])).toBe('The council voted on Tuesday. The bridge closes in May.');
    expect(summaryOfStory(['Officials met on Monday and said,', 'The bridge closes in May.'])).toBe('Officials met on Monday and said,');
  });

  it('takes a second sentence from the next paragraph as deriveSummary took it from the joined text', () => {
    expect(summaryOfStory(['The council voted on Tuesday.', 'Traffic will divert. A third sentence.'])).toBe('The council voted on Tuesday. Traffic will divert.');
    expect(summaryOfStory(['First sentence here. Second one. Third one.'])).toBe('First sentence here. Second one.');
  });

  it('keeps a one-paragraph story that is a single line without a full stop', () => {
    expect(summaryOfStory(['Markets rose on Monday'])).toBe('Markets rose on Monday');
    expect(summaryOfStory(['Markets rose on Monday', '* * *'])).toBe('Markets rose on Monday');
  });

  it('is never longer than 300 characters, never throws, and is trimmed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.string()), { maxLength: 8 }), (paragraphs) => {
        const summary = summaryOfStory(paragraphs);
        return summary.length <= 300 && summary === summary.trim();
      }),
      { numRuns: 300 },
    );
  });
});
