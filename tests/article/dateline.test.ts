import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDateline } from '../../src/article/dateline.js';
import { parsedArticle } from '../support/parsed-article.js';

describe('splitDateline', () => {
  it.each([
    ['Washington, February 8: The US central command said', 'Washington, February 8', 'The US central command said'],
    ['WASHINGTON (AP) — The Senate voted', 'WASHINGTON (AP)', 'The Senate voted'],
    ['LONDON, Feb 8 (Reuters) - Britain said', 'LONDON, Feb 8 (Reuters)', 'Britain said'],
    ['BEIRUT, Lebanon — Officials said', 'BEIRUT, Lebanon', 'Officials said'],
    ['NEW YORK, March 3, 2024 — Markets rose', 'NEW YORK, March 3, 2024', 'Markets rose'],
    ['Kyiv, Ukraine, Feb. 8 (AFP) – Russia said', 'Kyiv, Ukraine, Feb. 8 (AFP)', 'Russia said'],
    ['São Paulo, May 2: Prices rose', 'São Paulo, May 2', 'Prices rose'],
    ['WASHINGTON—The Senate voted', 'WASHINGTON', 'The Senate voted'],
    ['WASHINGTON -- The Senate voted', 'WASHINGTON', 'The Senate voted'],
    ['GAZA CITY, Gaza Strip (AP) — Israeli strikes', 'GAZA CITY, Gaza Strip (AP)', 'Israeli strikes'],
    ['Paris (AFP) - France said', 'Paris (AFP)', 'France said'],
    ["ST. PETERSBURG, Russia — Officials said", 'ST. PETERSBURG, Russia', 'Officials said'],
    ['Rio de Janeiro, March 3 — Rain fell', 'Rio de Janeiro, March 3', 'Rain fell'],
    ['PORT-AU-PRINCE, Haiti — Gangs', 'PORT-AU-PRINCE, Haiti', 'Gangs'],
    ['LONDON, 8 February 2024 — Britain said', 'LONDON, 8 February 2024', 'Britain said'],
    ['THE HAGUE, Netherlands (AP) — Judges said', 'THE HAGUE, Netherlands (AP)', 'Judges said'],
    ['  WASHINGTON (AP) —   The Senate voted  ', 'WASHINGTON (AP)', 'The Senate voted'],
    ['Feb 8 (Reuters) - Oil prices rose', 'Feb 8 (Reuters)', 'Oil prices rose'],
    ['8 February (AFP) – Russia said', '8 February (AFP)', 'Russia said'],
    ['(CNN) — A storm hit the coast', '(CNN)', 'A storm hit the coast'],
    ['BERLIN (dpa) - Germany said', 'BERLIN (dpa)', 'Germany said'],
    ['(Bloomberg) -- Stocks fell', '(Bloomberg)', 'Stocks fell'],
    ['NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme Corp today announced', 'NEW YORK, Jan. 5, 2024 /PRNewswire/', 'Acme Corp today announced'],
    ['NEW YORK, Jan. 05, 2024 (GLOBE NEWSWIRE) -- Acme Corp today announced', 'NEW YORK, Jan. 05, 2024 (GLOBE NEWSWIRE)', 'Acme Corp today announced'],
    ['LONDON/PARIS (Reuters) - European shares rose', 'LONDON/PARIS (Reuters)', 'European shares rose'],
    ['WASHINGTON/NEW YORK, Feb 8 (Reuters) - Stocks fell', 'WASHINGTON/NEW YORK, Feb 8 (Reuters)', 'Stocks fell'],
    ['NEW DELHI, Feb 8 (PTI) The government said', 'NEW DELHI, Feb 8 (PTI)', 'The government said'],
    ['Srinagar, Feb 8 (IANS) Security forces on Thursday', 'Srinagar, Feb 8 (IANS)', 'Security forces on Thursday'],
    ['New Delhi, Feb 8 (PTI): The government said', 'New Delhi, Feb 8 (PTI)', 'The government said'],
  ])('finds the dateline in %j', (text, dateline, rest) => {
    expect(splitDateline(text)).toEqual({ dateline, rest });
  });

  it.each([
    ['NEW DELHI: India on Thursday said it had evacuated citizens', 'NEW DELHI', 'India on Thursday said it had evacuated citizens'],
    ['ISLAMABAD: Prime Minister Shehbaz Sharif said', 'ISLAMABAD', 'Prime Minister Shehbaz Sharif said'],
  ])('finds a place in capitals before a colon in %j, marked as only that (a transcript\'s speaker looks the same)', (text, dateline, rest) => {
    expect(splitDateline(text)).toEqual({ dateline, rest, labelOnly: true });
  });

  it('gives an empty rest when the dateline is the whole paragraph', () => {
    expect(splitDateline('WASHINGTON (AP) —')).toEqual({ dateline: 'WASHINGTON (AP)', rest: '' });
  });

  it.each([
    'Washington said on Monday that it would act.',
    'President Biden: we will respond.',
    'The US central command (CENTCOM) has said that it killed a commander.',
    'In Baghdad, February is cold — and wet.',
    'In Baghdad, Feb. 8 — a day of mourning.',
    'Note: this story has been updated.',
    'Update: the minister resigned.',
    'Breaking: markets fall.',
    'BREAKING: markets fall.',
    'BREAKING — markets fall.',
    'EXCLUSIVE - Iran plans new plants.',
    'UPDATE, February 8: the minister resigned.',
    '"We will fight," he said — and left.',
    '“Washington, February 8: a date to remember,” she wrote.',
    'The Pentagon - a building of five sides - was quiet.',
    'Officials in Beirut said on Friday that talks would resume.',
    'Biden, Netanyahu — a rift that grew.',
    'Beirut, Lebanon — a city of two million — was dark.',
    'Microsoft (MSFT) — shares rose 3%.',
    'US - Iran talks resumed.',
    'Washington, February 80: nothing.',
    'COVID-19 cases rose.',
    'Washington, February 8:30 p.m. was the hour.',
    '(Photo) — a caption.',
    '(Updated) — the minister resigned.',
    '(AP) Photo of the day.',
    '(CNN): the network said.',
    'Feb 8 (MSFT) - shares rose.',
    'Acme /PRNewswire/ -- announced results.',
    'BERLIN (see map) — the wall fell.',
    'NASA: The rocket launched on time.',
    'WHO: Cases are rising again.',
    'FBI: Suspect arrested.',
    'FACT CHECK: The claim is false.',
    'FIRST ON CNN: The White House plans a visit.',
    'EXPLAINER: What the vote means.',
    'Dubai: the emirate said so.',
    'Dubai: The emirate said so.',
    'NEW DELHI, Feb 8 (see map) The wall fell.',
    'NEW DELHI, Feb 8 (PTI) the government said.',
    'UPDATE, Feb 8 (AP) The minister resigned.',
    'NEW DELHI (PTI) The government said.',
    '',
  ])('leaves ordinary prose alone: %j', (text) => {
    expect(splitDateline(text)).toBeUndefined();
  });

  it('never throws, and what it splits off plus the rest loses no word', () => {
    const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.string().map((s) => `WASHINGTON (AP) — ${s}`)), (text) => {
        const split = splitDateline(text);
        if (!split) return true;
        return words(text) === `${words(split.dateline)} ${words(split.rest)}`.trim() && split.rest === split.rest.trim();
      }),
    );
  });
});

describe('a scraped seed whose story opens with a headline line', () => {
  it('takes the headline from that line, and the dateline and summary from the paragraph after it', () => {
    const article = parsedArticle('a.txt', 'date 2024-06-13\nTesla shareholders approve Musk pay deal\n\nAUSTIN, Texas (Reuters) - Tesla shareholders voted on Thursday to approve the package. The vote is not binding.\n');
    expect(article).toMatchObject({
      title: 'Tesla shareholders approve Musk pay deal',
      dateline: 'AUSTIN, Texas (Reuters)',
      summary: 'Tesla shareholders voted on Thursday to approve the package. The vote is not binding.',
    });
    expect(article.bodyHtml).toBe(
      '<p>Tesla shareholders approve Musk pay deal</p>\n<p><span class="dateline">AUSTIN, Texas (Reuters) -</span> Tesla shareholders voted on Thursday to approve the package. The vote is not binding.</p>\n',
    );
  });

  it('reads "NEW DELHI:" as a dateline, but not the speakers of a transcript ("COOPER: …" then "SMITH: …")', () => {
    expect(parsedArticle('a.txt', 'date 2024-06-13\nNEW DELHI: India on Thursday said it had evacuated 1,200 citizens.\n\nFlights will continue.\n').dateline).toBe('NEW DELHI');
    const transcript = parsedArticle('a.txt', 'date 2024-06-13\nCOOPER: Good evening. We begin tonight with the vote.\n\nSMITH: Thank you, Anderson.\n');
    expect(transcript.dateline).toBeUndefined();
    expect(transcript.title).toBe('COOPER: Good evening');
  });

  it('reads a name in capitals and a colon heading a short line above the story as the headline, not a dateline', () => {
    const article = parsedArticle('a.txt', 'date 2024-06-13\nTRUMP: I will win\n\nThe former president told supporters in Ohio that he would win the state.\n');
    expect([article.dateline, article.title]).toEqual([undefined, 'TRUMP: I will win']);
    expect(article.summary).toBe('The former president told supporters in Ohio that he would win the state.');
    // Alone, such a line is still a dateline's paragraph: there is no story after it to head.
    expect(parsedArticle('a.txt', 'date 2024-06-13\nNEW DELHI: India evacuated 1,200 citizens\n').dateline).toBe('NEW DELHI');
    expect(parsedArticle('a.txt', 'date 2024-06-13\nNEW DELHI: India on Thursday said it had evacuated 1,200 citizens.\n\nFlights will continue.\n').dateline).toBe('NEW DELHI');
  });

  it('looks no further than the paragraph after a headline line, and not past a lead that ends as a sentence', () => {
    expect(parsedArticle('a.txt', 'date 2024-06-13\nThe council met.\n\nAUSTIN, Texas (Reuters) - The vote was close.\n').dateline).toBeUndefined();
    expect(parsedArticle('a.txt', 'date 2024-06-13\nCouncil meets\n\nIn brief\n\nAUSTIN, Texas (Reuters) - The vote was close.\n').dateline).toBeUndefined();
  });
});

describe('a dateline on the page', () => {
  it.each([
    ['Washington, February 8: The strike hit.', '<p><span class="dateline">Washington, February 8:</span> The strike hit.</p>\n'],
    ['NEW DELHI: India said so.', '<p><span class="dateline">NEW DELHI:</span> India said so.</p>\n'],
    ['WASHINGTON—The Senate voted.', '<p><span class="dateline">WASHINGTON—</span>The Senate voted.</p>\n'],
    ['LONDON, Feb 8 (Reuters) -\nBritain said so.', '<p><span class="dateline">LONDON, Feb 8 (Reuters) -</span>\nBritain said so.</p>\n'],
    ['New Delhi, Feb 8 (PTI) The government said.', '<p><span class="dateline">New Delhi, Feb 8 (PTI)</span> The government said.</p>\n'],
    ['WASHINGTON (AP) —\n\nThe Senate voted.', '<p><span class="dateline">WASHINGTON (AP) —</span></p>\n<p>The Senate voted.</p>\n'],
  ])('stays where it was written, with its separator: %j', (body, html) => {
    const article = parsedArticle('a.txt', `date 2024-02-08\n${body}\n`);
    expect(article.bodyHtml).toBe(html);
    // The headline and summary read the story alone.
    expect(article.title.startsWith(article.dateline!)).toBe(false);
    expect(article.summary.startsWith(article.dateline!)).toBe(false);
  });

  it('stays in its paragraph after a byline, where the scraper found it, and in Markdown too', () => {
    expect(parsedArticle('a.txt', 'date 2024-02-08\nBy Jane Doe\n\nWASHINGTON (Reuters) — The council voted.\n').bodyHtml).toBe(
      '<p>By Jane Doe</p>\n<p><span class="dateline">WASHINGTON (Reuters) —</span> The council voted.</p>\n',
    );
    expect(parsedArticle('a.md', '---\ndate: 2024-02-08\n---\nBEIRUT (AP) — Talks *resumed* on Friday.\n').bodyHtml).toBe('<p><span class="dateline">BEIRUT (AP) —</span> Talks <em>resumed</em> on Friday.</p>\n');
  });

  it('opening an embedded post\'s paragraph, stays a paragraph of its own before the post, not words of the post', () => {
    const article = parsedArticle('a.txt', 'date 2024-02-08\nWASHINGTON (AP) — Footage shows the strike. pic.twitter.com/abc123 — Liz Sly (@LizSly) February 7, 2024\n\nThe Pentagon declined to comment.\n');
    expect(article.dateline).toBe('WASHINGTON (AP)');
    expect(article.socialPosts[0]!.text).toBe('Footage shows the strike.');
    expect(article.bodyHtml.startsWith('<p><span class="dateline">WASHINGTON (AP) —</span></p>\n<figure class="social-post">\n<blockquote>\n<p>Footage shows the strike. <a')).toBe(true);
  });

  it('has its words counted once, as when it stood apart from its paragraph', () => {
    // BEIRUT, AP, Talks, resumed, on, Friday.
    expect(parsedArticle('a.txt', 'date 2024-02-08\nBEIRUT (AP) — Talks resumed on Friday.\n').wordCount).toBe(6);
  });
});
