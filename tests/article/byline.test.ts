import { describe, expect, it } from 'vitest';
import { bylineAuthor, isBeforeStory, isBylineLine, isCaptionParagraph, isPageFurnitureLine, isTimeStampLine } from '../../src/article/byline.js';
import { parsedArticle } from '../support/parsed-article.js';

describe('page furniture', () => {
  it.each(['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Listen to this article', 'Share this story', 'Skip to main content', 'Subscribe now', 'Loading…', 'Play video', '3 min read', '12-minute read', 'Reading time: 4 minutes', ' Share '])('%j is page furniture', (line) => {
    expect(isPageFurnitureLine(line)).toBe(true);
  });

  it.each(['Share prices fell on Monday.', 'Watch out for storms', 'Advertisement revenue fell 5%.', 'Video footage showed the crash', 'Read more about the vote below', '3 minutes later, the bridge fell.'])('%j is the story, not furniture', (line) => {
    expect(isPageFurnitureLine(line)).toBe(false);
  });
});

describe('photo captions', () => {
  it.each([
    'Photo: A man walks past a damaged building in Kharkiv.',
    'Image caption, Crowds gathered outside parliament on Tuesday',
    'Image source, Getty Images',
    'FILE - The U.S. Capitol is seen in Washington, Jan. 8, 2024. (AP Photo/J. Scott Applewhite, File)',
    'A man walks past a damaged building in Kharkiv. (Getty Images)',
    'Smoke rises over the city on Tuesday. (REUTERS/Mohammed Salem)',
    'Rescuers search the rubble. Photo: Reuters',
    'Photograph — Jane Doe/The Guardian',
    'Protesters in Paris on Saturday. (Photo by Jane Doe/Getty Images)',
  ])('%j is a caption', (paragraph) => {
    expect(isCaptionParagraph(paragraph)).toBe(true);
  });

  it.each([
    'Photos of the crash spread quickly on social media, officials said.',
    'The Senate voted 77-13 on Tuesday. (AP)',
    'The agency released the images on Monday.',
    'Filed under: politics',
    `${'The council met for hours and argued about the bridge. '.repeat(8)}(Getty Images)`,
    'Image rights are a matter for the courts, the judge said: the case goes on.',
  ])('%j is not a caption', (paragraph) => {
    expect(isCaptionParagraph(paragraph)).toBe(false);
  });
});

describe('bylines', () => {
  it.each([
    'By Jane Doe',
    'BY JANE DOE',
    'By Jane Doe and John Roe, Reuters',
    'By Ana Lima | The Post',
    'By Ursula von der Leyen',
    "By Sean O'Neil, Staff Writer",
    'By: Jean-Luc Picard',
    'by Jane Doe & John Roe',
    'By John Q.',
    'By Jane Doe - BBC News',
  ])('%j is a byline', (line) => {
    expect(isBylineLine(line)).toBe(true);
  });

  it.each([
    'By Monday, officials said the bridge would reopen.',
    'By the time police arrived, the fire had spread.',
    'By Tuesday, Officials Said.',
    'By 2030 the plant will close',
    'Bypass Road Closed',
    'The council voted By Jane Doe',
    'By Jane Doe, who has covered the city for years',
  ])('%j is not a byline', (line) => {
    expect(isBylineLine(line)).toBe(false);
  });
});

describe('time stamps', () => {
  it.each(['Updated: 10:32 GMT, 8 February 2024', 'Published on Feb. 8, 2024 at 9:30 a.m. EST', 'Last updated 08/02/2024', 'Posted Thursday, February 8, 2024 11:05 (CET)', 'First published: 8 Feb 2024'])('%j is a time stamp', (line) => {
    expect(isTimeStampLine(line)).toBe(true);
  });

  it.each(['Updated figures show 3% growth in 2024.', 'Published reports say 12 people died', 'Posted guards stood at 3 gates', 'Updated'])('%j is not a time stamp', (line) => {
    expect(isTimeStampLine(line)).toBe(false);
  });
});

describe('a byline paragraph before the story', () => {
  it('is every line a byline or a time stamp, a line split at " | Updated"; a line of story makes it story', () => {
    expect(isBeforeStory('By JANE DOE\nPublished: 10:32 GMT, 8 February 2024 | Updated: 11:05 GMT')).toBe(true);
    expect(isBeforeStory('By Jane Doe\nThe council voted on Tuesday.')).toBe(false);
  });
});

describe('bylineAuthor', () => {
  it.each([
    [['By Jane Doe'], 'Jane Doe'],
    [['By Jane Doe and John Roe, Reuters'], 'Jane Doe and John Roe, Reuters'],
    [['BY: JANE DOE'], 'JANE DOE'],
    [['By Ana Lima | The Post'], 'Ana Lima'],
    [['By Jane Doe - Reuters'], 'Jane Doe'],
    [['By Jane Doe | Updated: 10:32 GMT, 8 February 2024'], 'Jane Doe'],
    [['Advertisement', 'Updated: 10:32 GMT, 8 February 2024\nBy Ursula von der Leyen'], 'Ursula von der Leyen'],
  ])('reads the author of %j: %j', (paragraphs, author) => {
    expect(bylineAuthor(paragraphs)).toBe(author);
  });

  it('finds none where no line is a byline', () => {
    expect(bylineAuthor(['Advertisement', '* * *'])).toBeUndefined();
    expect(bylineAuthor(['By Monday, officials said the bridge would close.'])).toBeUndefined();
    expect(bylineAuthor([])).toBeUndefined();
  });
});

describe('a seed that opens with a byline', () => {
  it('takes its headline, summary and dateline from the story after it, and keeps the byline in the body', () => {
    const article = parsedArticle('a.txt', 'date 2024-02-08\nBy Jane Doe and John Roe, Reuters\nUpdated: 10:32 GMT, 8 February 2024\n\nWASHINGTON (Reuters) — The council voted on Tuesday to close the bridge. Traffic will divert.\n\nMore text.\n');
    expect(article).toMatchObject({
      title: 'The council voted on Tuesday to close the bridge',
      summary: 'The council voted on Tuesday to close the bridge. Traffic will divert.',
      dateline: 'WASHINGTON (Reuters)',
    });
    expect(article.bodyHtml.startsWith('<p>By Jane Doe and John Roe, Reuters\nUpdated: 10:32 GMT, 8 February 2024</p>\n')).toBe(true);
  });

  it('names the author the byline names, unless front matter gives one', () => {
    expect(parsedArticle('a.txt', 'date 2024-02-08\nBy Jane Doe | The Post\n\nThe council voted on Tuesday.\n').author).toBe('Jane Doe');
    expect(parsedArticle('a.txt', '---\ndate: 2024-02-08\nauthor: Desk\n---\nBy Jane Doe\n\nThe council voted on Tuesday.\n').author).toBe('Desk');
    expect(parsedArticle('a.txt', 'date 2024-02-08\nThe council voted on Tuesday.\n\nBy Jane Doe\n').author).toBeUndefined();
  });

  it('in Markdown too', () => {
    const article = parsedArticle('a.md', '---\ndate: 2024-02-08\n---\nBy **Jane Doe**\n\nThe mayor resigned on Thursday.\n');
    expect(article).toMatchObject({ title: 'The mayor resigned on Thursday', summary: 'The mayor resigned on Thursday.' });
  });

  it('a wordless opening paragraph ("* * *", "!!! ???") is passed over like a byline: headline, summary and dateline come from the story, the paragraph stays in the body', () => {
    const article = parsedArticle('a.txt', 'date 2024-02-08\n* * *\n\n!!! ???\n\nLONDON, Feb 8 (Reuters) - The bank held rates on Thursday. Markets rose.\n');
    expect(article).toMatchObject({ title: 'The bank held rates on Thursday', summary: 'The bank held rates on Thursday. Markets rose.', dateline: 'LONDON, Feb 8 (Reuters)' });
    expect(article.bodyHtml.startsWith('<p>* * *</p>\n<p>!!! ???</p>\n')).toBe(true);
    expect(parsedArticle('a.md', '---\ndate: 2024-02-08\n---\n\\* \\* \\*\n\nThe mayor resigned on Thursday.\n').title).toBe('The mayor resigned on Thursday');
  });

  it('page furniture a scraper kept ("Advertisement", "Listen to this article", "3 min read") is passed over like a byline, and stays in the body', () => {
    const article = parsedArticle('a.txt', 'date 2024-02-08\nAdvertisement\n\nListen to this article\n3 min read\n\nWASHINGTON (AP) — The council voted on Tuesday to close the bridge. Traffic will divert.\n');
    expect(article).toMatchObject({ title: 'The council voted on Tuesday to close the bridge', dateline: 'WASHINGTON (AP)' });
    expect(article.bodyHtml.startsWith('<p>Advertisement</p>\n<p>Listen to this article\n3 min read</p>\n')).toBe(true);
  });

  it('a photo caption above the story is passed over like a byline: headline, summary and dateline come from the story, the caption stays in the body', () => {
    const article = parsedArticle('a.txt', 'date 2024-01-20\nPhoto: A man walks past a damaged building in Kharkiv. (Getty Images)\n\nKYIV — Ukrainian forces repelled 12 attacks overnight. The general staff said so.\n');
    expect(article).toMatchObject({ title: 'Ukrainian forces repelled 12 attacks overnight', summary: 'Ukrainian forces repelled 12 attacks overnight. The general staff said so.', dateline: 'KYIV' });
    expect(article.bodyHtml.startsWith('<p>Photo: A man walks past a damaged building in Kharkiv. (Getty Images)</p>\n')).toBe(true);
  });

  it('whose only text is the byline still gets a headline from it', () => {
    expect(parsedArticle('a.txt', 'date 2024-02-08\nBy Jane Doe\n').title).toBe('By Jane Doe');
  });
});
