import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaksTitleCase, isHeadline, mayEndInHeadline, splitRelatedHeadlines } from '../../src/article/related-headlines.js';
import { sentenceSpans } from '../../src/article/sentences.js';

describe('splitRelatedHeadlines: the seed', () => {
  it('moves "Iran Begins Building …, Says Report." out and keeps the prose exactly, its own period included', () => {
    const paragraph =
      'The commander was killed during a strike that took place around 9:30 p.m. local time, according to the CENTCOM. "The US will continue to take necessary action to protect our people," CENTCOM said in a statement. Iran Begins Building Four More Nuclear Power Plants, Says Report.';
    expect(splitRelatedHeadlines(paragraph)).toEqual({
      text: 'The commander was killed during a strike that took place around 9:30 p.m. local time, according to the CENTCOM. "The US will continue to take necessary action to protect our people," CENTCOM said in a statement.',
      headlines: ['Iran Begins Building Four More Nuclear Power Plants, Says Report'],
    });
  });

  it('moves a headline with a colon, small words and names out after a sentence ending in a quoted nickname', () => {
    const split = splitRelatedHeadlines(
      'The slain commander was identified as "Abu Bakr" al-Saadi. US Strikes Iraq: United States Carries Out Drone Strike in Baghdad, Three Kataeb Hezbollah Members Including Commander Killed.',
    );
    expect(split).toEqual({
      text: 'The slain commander was identified as "Abu Bakr" al-Saadi.',
      headlines: ['US Strikes Iraq: United States Carries Out Drone Strike in Baghdad, Three Kataeb Hezbollah Members Including Commander Killed'],
    });
  });
});

describe('splitRelatedHeadlines: other glued headlines', () => {
  it.each([
    ['Talks resumed on Monday. Israel And Hamas Agree To Extend Gaza Truce By Two Days.', 'Talks resumed on Monday.', ['Israel And Hamas Agree To Extend Gaza Truce By Two Days']],
    ['Prices rose 3.5% in January. Oil Hits $90 a Barrel as Red Sea Attacks Disrupt Shipping', 'Prices rose 3.5% in January.', ['Oil Hits $90 a Barrel as Red Sea Attacks Disrupt Shipping']],
    [
      'The ministry declined to comment. Iran Begins Building Four More Nuclear Power Plants, Says Report. Egypt Says Rafah Crossing Will Reopen on Friday.',
      'The ministry declined to comment.',
      ['Iran Begins Building Four More Nuclear Power Plants, Says Report', 'Egypt Says Rafah Crossing Will Reopen on Friday'],
    ],
    ['Witnesses said the car was hit twice. US Kills Kataib Hezbollah Commander Abu Bakr al-Saadi in Baghdad.', 'Witnesses said the car was hit twice.', ['US Kills Kataib Hezbollah Commander Abu Bakr al-Saadi in Baghdad']],
    ['Sales fell sharply. Apple Cuts iPhone Prices in China Amid Slump.', 'Sales fell sharply.', ['Apple Cuts iPhone Prices in China Amid Slump']],
    // Judgement call: Title Case throughout reads as a scraped headline, even when it could be a sentence.
    ['The Hill reported it first. The New York Times Reported It First On Tuesday.', 'The Hill reported it first.', ['The New York Times Reported It First On Tuesday']],
    ['The council convened. The United Nations Security Council Met On Tuesday.', 'The council convened.', ['The United Nations Security Council Met On Tuesday']],
    ['Rescue teams arrived. The Red Cross And The Red Crescent Are Working Together.', 'Rescue teams arrived.', ['The Red Cross And The Red Crescent Are Working Together']],
    // An abbreviation keeps its period; only a sentence's own final period goes.
    ['Stocks fell. S&P 500 Futures Were Down 0.5% At 6 A.M.', 'Stocks fell.', ['S&P 500 Futures Were Down 0.5% At 6 A.M.']],
  ])('splits %j', (paragraph, text, headlines) => {
    expect(splitRelatedHeadlines(paragraph)).toEqual({ text, headlines });
  });

  it('never takes the whole paragraph, even when every sentence is Title Case', () => {
    expect(splitRelatedHeadlines('Iran Begins Building Four More Nuclear Power Plants, Says Report.')).toEqual({ text: 'Iran Begins Building Four More Nuclear Power Plants, Says Report.', headlines: [] });
    expect(splitRelatedHeadlines('Egypt Says Rafah Crossing Will Reopen on Friday. Iran Begins Building Four More Nuclear Power Plants, Says Report.')).toEqual({
      text: 'Egypt Says Rafah Crossing Will Reopen on Friday.',
      headlines: ['Iran Begins Building Four More Nuclear Power Plants, Says Report'],
    });
  });

  it('keeps a headline in the middle of a paragraph: only trailing sentences move', () => {
    const paragraph = 'Talks resumed. Iran Begins Building Four More Nuclear Power Plants, Says Report. The ministry declined to comment.';
    expect(splitRelatedHeadlines(paragraph)).toEqual({ text: paragraph, headlines: [] });
  });
});

// Ordinary news prose. A false positive deletes real text from the body, so every one of these must stay whole.
const PROSE = [
  // A byline and the page's time stamps, one paragraph above a scraped story: they stay in it (a stamp ending in "Updated" read as a headline's verb).
  'By Jane Doe\nPublished: 10:32 GMT, 8 February 2024 | Updated: 11:05 GMT, 9 February 2024',
  'By Jane Doe. Last Updated On Friday February 9 2024 At 11:05 GMT',
  'The envoy arrived on Monday. President Joe Biden met Prime Minister Benjamin Netanyahu in Tel Aviv.',
  'Rates were unchanged. The U.S. Federal Reserve Bank of New York said.',
  'Markets rallied. Shares of Apple Inc. rose 3% to $1.13bn.',
  'The crowd chanted. "We Will Fight On For Our Homes," he said.',
  'The crowd chanted. "We Will Fight," he said.',
  'She moved in 2019. Ms. Smith, 45, lives in New York City.',
  'The blast was heard across the city. It happened at 9:30 p.m. local time.',
  'The ministry declined to comment. Will The Islamic Revolutionary Guard Corps Respond?',
  'Officials were quoted. NATO AND THE UNITED NATIONS MET TODAY IN GENEVA.',
  'He thanked his team. Secretary of State Antony Blinken.',
  'The talks ended. Prime Minister Benjamin Netanyahu.',
  'Voters went to the polls. Turnout in Los Angeles County was 41.5%.',
  'Gen. Joseph Aoun met Lebanese Army officers. The meeting lasted two hours.',
  'He said the U.S. would respond. The State Department declined to comment.',
  'The attack killed three people. Two of them were children, the Red Crescent said.',
  'Prices rose 5-10% (about 40 cents) while the index stood at 512.3.',
  'The report was released at 10 a.m. Eastern Time on Tuesday. Officials In Washington And Tehran Declined To Comment Further On It Today:',
  'The Hill reported it first. The New York Times followed on Wednesday.',
  'Rain is expected. The National Weather Service Issued A Warning for the region on Sunday.',
  'He returned in January. Kataib Hezbollah suspended military operations against American forces.',
  "The plan was approved. It wasn't clear whether the Ministry of Finance would fund it.",
  'Trading resumed. The Dow Jones Industrial Average closed up 0.4%.',
  'Police confirmed the arrest. A 34-year-old man from Leeds was charged.',
  'Negotiators met in Doha. Hamas and Israel traded accusations.',
  'The minister spoke. Saudi Arabia, Qatar and the United Arab Emirates were represented.',
  'Delegations arrived from across the region. Saudi Arabia, Qatar, Egypt, Jordan, Turkey And Iran.',
  'Supporters gathered. Long Live The King And The Royal Family Of Jordan!',
  'The company said. Apple, Google And Microsoft Will Report Earnings Next...',
  'The court ruled. Smith v. Jones Was Cited By The Judge, who disagreed.',
  'The Senate passed the bill 52-48. President Trump is expected to sign it.',
  'The storm made landfall. Hurricane Milton Was Downgraded To A Category 3 Storm by morning.',
  'Witnesses described chaos. The Associated Press could not independently verify the footage.',
  'The vote was close. Reporting by Jonathan Landay and Idrees Ali; Editing by Leslie Adler.',
  'The vote was close. Additional Reporting By Parisa Hafezi In Dubai And Tom Perry In Beirut.',
  'The statement was brief. Lt. Gen. Alexus G. Grynkewich, Commander Of U.S. Air Forces Central.',
  'He was released on Jan. 8. The Foreign Office in London confirmed his return on Feb. 2.',
  'Fighting continued overnight. Israeli Prime Minister Benjamin Netanyahu Said The War Would Go On "For Months".',
  'The Pentagon confirmed the strike. Defense Secretary Lloyd Austin Called It A Necessary Step \u2018To Protect Our Troops\u2019.',
  'Analysts were cautious. What Comes Next For The Iran-Backed Militias In Iraq And Syria?',
  'The CEO resigned. Shares of Tesla Inc. fell 4.2% to $181.06 in New York.',
  'The border reopened. Egypt Says Rafah Crossing Will Reopen on Friday, officials said.',
  'The district was cordoned off. Mr. Ahmed, a 52-year-old shopkeeper, saw the blast.',
  'He spoke on condition of anonymity. The U.N. Secretary-General António Guterres was not available.',
  'Officials met at the White House. U.S. National Security Adviser Jake Sullivan attended.',
  'The statement ended with a warning. Iran\u2019s Foreign Ministry Spokesman Nasser Kanaani.',
  'Protesters marched in London. Police Arrested 12 People, The Metropolitan Police Said',
  'The ministry confirmed the appointment. Iran\'s Foreign Ministry Spokesman Nasser Kanaani Of Tehran.',
];

describe('splitRelatedHeadlines: prose stays prose', () => {
  it('has a real table to prove it on', () => {
    expect(PROSE.length).toBeGreaterThanOrEqual(30);
  });

  it.each(PROSE)('leaves %j whole', (paragraph) => {
    expect(splitRelatedHeadlines(paragraph)).toEqual({ text: paragraph, headlines: [] });
  });

  it.each(['', ' ', 'Hello.', 'A B C D E F G.', '. . . . Iran Begins Building Four More Nuclear Power Plants, Says Report.'])('leaves odd input %j whole', (paragraph) => {
    expect(splitRelatedHeadlines(paragraph)).toEqual({ text: paragraph, headlines: [] });
  });
});

describe('splitRelatedHeadlines: known weakness', () => {
  // The verb test is a guess from word endings: a plural noun ("Headquarters", "States") passes for a verb, so a
  // six-word Title-Case name or address line glued at the end still moves out. Its words are kept (as a headline).
  it('takes a Title-Case address line with plural nouns for a headline', () => {
    expect(splitRelatedHeadlines('The list was published. United States Central Command Headquarters, MacDill Air Force Base.').headlines).toEqual([
      'United States Central Command Headquarters, MacDill Air Force Base',
    ]);
  });
});

describe('isHeadline', () => {
  it.each([
    ['Three Cyclists Injured in Porto Alegre Bridge Blast.', true],
    ['Rio de Janeiro To Build New Harbour Bridge by 2030.', true],
    ['Markets Rally Again.', false],
    ['Iran Tests New Missile Again.', false],
    ['Prime Minister Benjamin Netanyahu.', false],
    ['Iran Begins Building Four More Nuclear Power Plants, Says Report?', false],
    ['Iran Begins Building Four More "Nuclear" Power Plants.', false],
    ['IRAN BEGINS BUILDING FOUR MORE NUCLEAR POWER PLANTS.', false],
    ["Iran's Foreign Ministry Spokesman Nasser Kanaani Of Tehran.", false],
    ['Lt. Gen. Alexus Grynkewich Leads Air Forces Central.', false],
    ['Police Arrested 12 People, The Metropolitan Police Said.', false],
    ['Iran Begins Building Four More Nuclear Power Plants, says Report.', false],
  ])('%j → %s', (sentence, expected) => {
    expect(isHeadline(sentence)).toBe(expected);
  });
});

describe('splitRelatedHeadlines: properties', () => {
  const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  const vocabulary = ['The', 'minister', 'Said', 'Iran', 'Begins', 'Building', 'Four', 'More', 'Plants,', 'in', 'a', 'statement.', 'Report.', '"Yes,"', 'U.S.', '9:30', 'p.m.', 'Gen.', 'Jan.', '8.', '?', '—'];

  it('loses no word: the kept text plus the headlines hold every word of the paragraph, in order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...vocabulary), { maxLength: 30 }).map((p) => p.join(' ')), fc.string({ unit: 'grapheme' }), fc.string()), (paragraph) => {
        const split = splitRelatedHeadlines(paragraph);
        return words(paragraph) === words([split.text, ...split.headlines].join(' '));
      }),
    );
  });

  it('never throws, and never empties the text of a paragraph that had words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        for (const paragraph of [a, b, `${a}. Iran Begins Building Four More Nuclear Power Plants, Says ${b}.`]) {
          const split = splitRelatedHeadlines(paragraph);
          if (split.headlines.length > 0 && !/[\p{L}\p{N}]/u.test(split.text)) return false;
        }
        return true;
      }),
    );
  });
});

describe('mayEndInHeadline', () => {
  it('answers as splitting the last 160 characters on white space and testing the last five words does', () => {
    const plain = (paragraph: string) => {
      const tail = paragraph.slice(-160).trimEnd().split(/\s+/).slice(-5);
      return tail.length === 5 && tail.every((w) => !breaksTitleCase(w));
    };
    const word = fc.constantFrom('Iran', 'begins', 'the', 'Plants,', '"Report.', '(U.S.)', 'al-Saadi', 'iPhone', 'de', '', '…', 'Ünal', 'été');
    const space = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2028', '');
    const paragraph = fc.array(fc.tuple(space, word), { maxLength: 60 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(paragraph, (p) => {
        expect(mayEndInHeadline(p)).toBe(plain(p));
      }),
      { numRuns: 3000 },
    );
  });

  it('is sound: when it says no, the last sentence of the whole paragraph is no headline either', () => {
    // Headline-like words, prose words, punctuation glued on, sentence ends glued to the next word
    // ("said.Iran", "Why?Iran"), quotes, dashes, numbers, abbreviations.
    const word = fc.constantFrom(
      'Iran', 'Begins', 'Building', 'Four', 'More', 'Nuclear', 'Plants,', 'Says', 'Report.', 'Report', 'To', 'Extend', 'of', 'the', 'in', 'al-Saadi', 'iPhone',
      'said', 'said.', 'said.Iran', 'Why?Iran', 'end."Iran', 'U.S.', 'Gen.', 'p.m.', '9:30', '2024', '—', '"Yes,"', '(CENTCOM)', 'Ünal', 'été', 'Killed.', 'Reopen', 'Friday.',
    );
    const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\u00a0');
    const paragraph = fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 40 }).map((parts) => parts.flat().join('').trimEnd());
    let saidNo = 0;
    fc.assert(
      fc.property(paragraph, (p) => {
        if (mayEndInHeadline(p)) return;
        saidNo++;
        const spans = sentenceSpans(p);
        const last = spans[spans.length - 1];
        expect(spans.length < 2 || !isHeadline(p.slice(last!.start, last!.end))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(saidNo).toBeGreaterThan(1000);
  });

  it('lets the glued headlines of the table through', () => {
    expect(mayEndInHeadline('Talks resumed on Monday. Israel And Hamas Agree To Extend Gaza Truce By Two Days.')).toBe(true);
    expect(mayEndInHeadline('The district was cordoned off. Mr. Ahmed, a 52-year-old shopkeeper, saw the blast.')).toBe(false);
  });
});
