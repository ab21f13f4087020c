import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSocialPost } from '../../src/article/social-post.js';

const IMTIAZ =
  'US drone strike kills Iran-aligned militia leader in Baghdad. Slap chopped. Remnants of the missile at the site show that a Hellfire R9X was likely used for the strike. A leader of Kataib Hezbollah and two of his guards were in a vehicle when it was targeted in the east of the… pic.twitter.com/geUn8GnVFv — Imtiaz Mahmood (@ImtiazMadmood) February 8, 2024';
const LIZ_SLY =
  'Footage from Baghdad suggests the US drone strike that killed 3 people with Kataib Hezbollah hit precisely the car they were traveling in, on a busy Baghdad street, but caused no other damage. CENTCOM says no collateral damage or casualties pic.twitter.com/a6zWmT5ov1 — Liz Sly (@LizSly) February 7, 2024';

describe('parseSocialPost', () => {
  it('reads the seed\'s first post: every word before the pic link is its text, the trailing "…" kept', () => {
    expect(parseSocialPost(IMTIAZ)).toEqual({
      text: 'US drone strike kills Iran-aligned militia leader in Baghdad. Slap chopped. Remnants of the missile at the site show that a Hellfire R9X was likely used for the strike. A leader of Kataib Hezbollah and two of his guards were in a vehicle when it was targeted in the east of the…',
      picUrl: 'https://pic.twitter.com/geUn8GnVFv',
      authorName: 'Imtiaz Mahmood',
      handle: 'ImtiazMadmood',
      date: '2024-02-08',
    });
  });

  it("reads the seed's second post", () => {
    expect(parseSocialPost(LIZ_SLY)).toEqual({
      text: 'Footage from Baghdad suggests the US drone strike that killed 3 people with Kataib Hezbollah hit precisely the car they were traveling in, on a busy Baghdad street, but caused no other damage. CENTCOM says no collateral damage or casualties',
      picUrl: 'https://pic.twitter.com/a6zWmT5ov1',
      authorName: 'Liz Sly',
      handle: 'LizSly',
      date: '2024-02-07',
    });
  });

  it.each([
    ['We are live now – Jane Doe (@jane_doe) Sept 3, 2023', { text: 'We are live now', authorName: 'Jane Doe', handle: 'jane_doe', date: '2023-09-03' }],
    ['Big day - Newsroom (@news) Jan. 5, 2020', { text: 'Big day', authorName: 'Newsroom', handle: 'news', date: '2020-01-05' }],
    ['Big day -- Newsroom (@news) Dec 31, 1999', { text: 'Big day', authorName: 'Newsroom', handle: 'news', date: '1999-12-31' }],
    ['Leap day!—Jean-Pierre Filiu (@jpfiliu) February 29, 2024', { text: 'Leap day!', authorName: 'Jean-Pierre Filiu', handle: 'jpfiliu', date: '2024-02-29' }],
    ['Wow https://pic.twitter.com/AbC123 — A B (@A_1) may 1, 2021', { text: 'Wow', picUrl: 'https://pic.twitter.com/AbC123', authorName: 'A B', handle: 'A_1', date: '2021-05-01' }],
    ['pic.twitter.com/AbC123 — A B (@abcdefghijklmno) May 1, 2021', { text: '', picUrl: 'https://pic.twitter.com/AbC123', authorName: 'A B', handle: 'abcdefghijklmno', date: '2021-05-01' }],
    ['Text - with - dashes - Name Here (@h) March 3, 2024', { text: 'Text - with - dashes', authorName: 'Name Here', handle: 'h', date: '2024-03-03' }],
  ])('reads %j', (paragraph, post) => {
    expect(parseSocialPost(paragraph)).toEqual(post);
  });

  it.each([
    ['prose mentioning a handle mid-paragraph', 'He wrote to @jdoe about it on March 3, 2024.'],
    ['a handle in parentheses mid-paragraph', 'The account (@jdoe) posted on March 3, 2024 about the vote, officials said.'],
    ['an attribution that is not at the end', 'Big day — Jane (@jane) March 3, 2024 and then more text followed.'],
    ['an impossible date', 'It was said — by him (@x) Feb 30, 2024'],
    ['a handle longer than 15 characters', 'Post — Name (@handle_that_is_far_too_long) March 3, 2024'],
    ['a handle with a hyphen', 'Post — Name (@bad-handle) March 3, 2024'],
    ['an unknown month', 'Text — Name (@ok) Smarch 3, 2024'],
    ['a hyphen inside a word as the only dash', 'Iran-Name (@ok) March 3, 2024'],
    ['no text and no pic link', '— Name (@ok) March 3, 2024'],
    ['a name that is the end of a sentence', 'It was said — by him. Then (@x) March 3, 2024'],
    ['a spaced dash in prose', 'Officials said the vote — held on Monday — was fair.'],
    ['an empty string', ''],
  ])('does not fire on %s', (_, paragraph) => {
    expect(parseSocialPost(paragraph)).toBeUndefined();
  });

  it('stays fast on a long run of spaces before an attribution', () => {
    const started = performance.now();
    expect(parseSocialPost(`(@${' '.repeat(200_000)}x — N (@h) March 3, 2024`)).toMatchObject({ handle: 'h' });
    expect(parseSocialPost(`x (@ ${' -'.repeat(100_000)}— N (@h) Smarch 3, 2024`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('never throws, and a handle it returns is always [A-Za-z0-9_]{1,15}', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (a, b) => {
        for (const text of [a, b, `${b} — ${a} (@${a}) March 3, 2024`, `${b} pic.twitter.com/${a} — N (@${b}) Jan 1, 2020`]) {
          const post = parseSocialPost(text);
          if (post && !/^[A-Za-z0-9_]{1,15}$/.test(post.handle)) return false;
          if (post && !/^\d{4}-\d{2}-\d{2}$/.test(post.date)) return false;
        }
        return true;
      }),
    );
  });
});
