import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSocialPost } from '../../src/article/social-post.js';

describe('parseSocialPost', () => {
  it('reads text, pic link, author, handle and date from a paragraph ending in an attribution', () => {
    expect(parseSocialPost('Footage suggests the strike hit the car. CENTCOM says no casualties pic.twitter.com/a6zWmT5ov1 — Liz Sly (@LizSly) February 7, 2024')).toEqual({
      text: 'Footage suggests the strike hit the car. CENTCOM says no casualties',
      picUrl: 'https://pic.twitter.com/a6zWmT5ov1',
      authorName: 'Liz Sly',
      handle: 'LizSly',
      date: '2024-02-07',
    });
  });

  it('accepts a post without a pic link, an en dash or hyphen, and abbreviated months', () => {
    expect(parseSocialPost('We are live now – Jane Doe (@jane_doe) Sept 3, 2023')).toEqual({ text: 'We are live now', authorName: 'Jane Doe', handle: 'jane_doe', date: '2023-09-03' });
    expect(parseSocialPost('Big day - Newsroom (@news) Jan. 5, 2020')?.date).toBe('2020-01-05');
  });

  it('keeps an Iran-aligned hyphen in the text: the last dash is the attribution', () => {
    expect(parseSocialPost('US drone strike kills Iran-aligned militia leader in the east of the… pic.twitter.com/geUn8GnVFv — Imtiaz Mahmood (@ImtiazMadmood) February 8, 2024')).toMatchObject({
      text: 'US drone strike kills Iran-aligned militia leader in the east of the…',
      authorName: 'Imtiaz Mahmood',
    });
  });

  it.each([
    'He wrote to @jdoe about it on March 3, 2024.',
    'The account (@jdoe) posted on March 3, 2024 about the vote.',
    'It was said — by him (@x) Feb 30, 2024',
    'Post — Name (@handle_that_is_far_too_long) March 3, 2024',
    'Text — Name (@ok) Smarch 3, 2024',
    'Officials said the vote — held on Monday — was fair.',
  ])('does not fire on %j', (paragraph) => {
    expect(parseSocialPost(paragraph)).toBeUndefined();
  });

  it('never throws, and a handle it returns is always [A-Za-z0-9_]{1,15}', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'grapheme' }), (a, b) => {
        for (const text of [a, `${b} — ${a} (@${a}) March 3, 2024`]) {
          const post = parseSocialPost(text);
          if (post && !/^[A-Za-z0-9_]{1,15}$/.test(post.handle)) return false;
        }
        return true;
      }),
    );
  });
});
