import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadOf, sentenceSegments, sentenceSpans, splitSentences } from '../../src/article/sentences.js';

describe('splitSentences', () => {
  it('keeps the seed\'s "around 9:30 p.m. local time, according to" sentence whole', () => {
    expect(
      splitSentences('The commander was killed during a strike that took place around 9:30 p.m. local time, according to the CENTCOM. "The US will continue," CENTCOM said.'),
    ).toEqual(['The commander was killed during a strike that took place around 9:30 p.m. local time, according to the CENTCOM.', '"The US will continue," CENTCOM said.']);
  });

  it.each([
    ['Mr. Smith met Dr. Jones on Friday.'],
    ['The U.S. Federal Reserve Bank of New York said.'],
    ['The U.K. Foreign Office summoned the envoy.'],
    ['Gen. Joseph Aoun met Lt. Col. Ahmed Said in Beirut.'],
    ['He grew up in St. Louis, Missouri.'],
    ['The vote is set for Jan. 8 and the count for Feb. 2.'],
    ['The report was written by J. Smith and A. B. Jones.'],
    ['Shares of Apple Inc. rose 3% to $1.13bn.'],
    ['The talks began at 10 a.m. Tuesday in Geneva.'],
    ['The report was released at 10 a.m. Eastern Time on Tuesday.'],
    ['He lives at No. 10 Downing Street.'],
    ['Police in Washington, D.C. said the suspect fled.'],
  ])('does not split after an abbreviation: %j', (sentence) => {
    expect(splitSentences(sentence)).toEqual([sentence]);
  });

  it.each([
    ['It was 9 p.m. The next day was quiet.', ['It was 9 p.m.', 'The next day was quiet.']],
    ['The deal was signed by Apple Inc. The company declined to comment.', ['The deal was signed by Apple Inc.', 'The company declined to comment.']],
    ['The answer came in Jan. Talks resumed in March.', ['The answer came in Jan.', 'Talks resumed in March.']],
    ['Is it over? "No!" she said. Why? he asked. Then he left!', ['Is it over?', '"No!" she said.', 'Why? he asked.', 'Then he left!']],
  ])('still splits where a sentence really ends: %j', (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it('does not split after an ellipsis (the segmenter never does): a trailing-off clause stays with what follows', () => {
    expect(splitSentences('Then he left…  Silence.')).toEqual(['Then he left…  Silence.']);
  });

  it('trims sentences and drops empty ones', () => {
    expect(splitSentences('  \n First.   Second.  \n\n ')).toEqual(['First.', 'Second.']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \t\n ')).toEqual([]);
  });

  it('sentenceSpans points at exactly the sentences splitSentences returns', () => {
    const text = '  Mr. Smith left.  Then Gen. Aoun spoke. ';
    expect(sentenceSpans(text)).toEqual([
      { start: 2, end: 17 },
      { start: 19, end: 40 },
    ]);
    expect(sentenceSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual(splitSentences(text));
  });

  it('never throws, and its sentences are trimmed, non-empty and in order inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.array(fc.constantFrom('Mr.', 'U.S.', 'p.m.', 'Jan.', '8.', 'J.', 'the', 'The', ' ', '\n', '?', '"', '…'), { maxLength: 20 }).map((a) => a.join(' '))), (text) => {
        const spans = sentenceSpans(text);
        let last = 0;
        for (const { start, end } of spans) {
          const sentence = text.slice(start, end);
          if (start < last || sentence === '' || sentence !== sentence.trim()) return false;
          last = end;
        }
        return splitSentences(text).join(' ').replace(/\s+/g, '') === text.replace(/\s+/g, '');
      }),
    );
  });
});

describe('leadOf', () => {
  it('is the first 1,500 characters from the first non-space, every run of white space one space, trimmed', () => {
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\u3000', ' \n ', '\u2009');
    const text = fc.array(fc.oneof(fc.string({ maxLength: 12 }), space), { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(leadOf(t)).toBe(t.trimStart().slice(0, 1500).replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('long texts are segmented a window at a time', () => {
  const whole = (text: string) => Array.from(new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text), ({ segment, index }) => ({ segment, index }));
  /** Pieces whose sentence boundaries depend on what follows them: abbreviations, closing quotes, digits, lone terminators, line and paragraph breaks. */
  const piece = fc.constantFrom('The ', 'talks ', 'ended', 'U.S. ', 'etc. ', 'Mr. ', 'a.m. ', '12 ', '3.5 ', '. ', '.', '? ', '! ', '"', '” ', ') ', '\n', '\n\n', '  ', 'he said. ', 'Why? ', 'é ', '😀', '…', '— ', 'A. ', 'b');

  it('gives the same segments as segmenting the whole text, for any text of such pieces past 8,192 characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2200, maxLength: 4000 }), (pieces) => {
        const text = pieces.join('');
        fc.pre(text.length > 8192);
        expect(Array.from(sentenceSegments(text))).toEqual(whole(text));
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('gives the same segments for a text of one sentence longer than a window, and for a window of one-word lines', () => {
    for (const text of [`${'word '.repeat(3000)}end.`, 'a\n'.repeat(6000), `Long ${'x'.repeat(10_000)}. Short one. ${'y'.repeat(9000)}`]) {
      expect(Array.from(sentenceSegments(text))).toEqual(whole(text));
    }
  });

  it('splits 1 MB of one-word lines into 524,288 sentences (segmenting it whole took minutes: this would time out)', () => {
    const text = 'a\n'.repeat(512 * 1024);
    expect(sentenceSpans(text)).toHaveLength(512 * 1024);
  });
});
