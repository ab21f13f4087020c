import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHeadline, splitRelatedHeadlines } from '../../src/article/related-headlines.js';

describe('splitRelatedHeadlines', () => {
  it('moves a glued Title-Case headline out and keeps the prose exactly', () => {
    expect(splitRelatedHeadlines('"The US will continue to act," CENTCOM said in a statement. Iran Begins Building Four More Nuclear Power Plants, Says Report.')).toEqual({
      text: '"The US will continue to act," CENTCOM said in a statement.',
      headlines: ['Iran Begins Building Four More Nuclear Power Plants, Says Report'],
    });
  });

  it('handles a headline with a colon and small words', () => {
    const split = splitRelatedHeadlines('The slain commander was identified as "Abu Bakr" al-Saadi. US Strikes Iraq: United States Carries Out Drone Strike in Baghdad, Three Kataeb Hezbollah Members Including Commander Killed.');
    expect(split.headlines).toEqual(['US Strikes Iraq: United States Carries Out Drone Strike in Baghdad, Three Kataeb Hezbollah Members Including Commander Killed']);
    expect(split.text).toBe('The slain commander was identified as "Abu Bakr" al-Saadi.');
  });

  it('never takes the whole paragraph', () => {
    expect(splitRelatedHeadlines('Iran Begins Building Four More Nuclear Power Plants, Says Report.').headlines).toEqual([]);
  });

  // Ordinary news prose: a false positive would delete real text from the body.
  it.each([
    'The envoy arrived on Monday. President Joe Biden met Prime Minister Benjamin Netanyahu in Tel Aviv.',
    'Rates were unchanged. The U.S. Federal Reserve Bank of New York said.',
    'Markets rallied. Shares of Apple Inc. rose 3% to $1.13bn.',
    'The crowd chanted. "We Will Fight On For Our Homes," he said.',
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
    'The report was released at 10 a.m. Eastern Time on Tuesday.',
    'The Hill reported it first. The New York Times followed on Wednesday.',
    'Rain is expected. The National Weather Service Issued A Warning for the region on Sunday.',
    'He returned in January. Kataib Hezbollah suspended military operations against American forces.',
    "The plan was approved. It wasn't clear whether the Ministry of Finance would fund it.",
    'Trading resumed. The Dow Jones Industrial Average closed up 0.4%.',
    'Police confirmed the arrest. A 34-year-old man from Leeds was charged.',
    'Negotiators met in Doha. Hamas and Israel traded accusations.',
    'The minister spoke. Saudi Arabia, Qatar and the United Arab Emirates were represented.',
    'Supporters gathered. Long Live The King!',
    'The company said. Apple, Google And Microsoft...',
    'The court ruled. Smith v. Jones Was Cited By The Judge, who disagreed.',
    'The Senate passed the bill 52-48. President Trump is expected to sign it.',
    'The storm made landfall. Hurricane Milton Was Downgraded To A Category 3 Storm by morning.',
    'Witnesses described chaos. The Associated Press could not independently verify the footage.',
  ])('leaves prose alone: %j', (paragraph) => {
    expect(splitRelatedHeadlines(paragraph)).toEqual({ text: paragraph, headlines: [] });
  });

  it('loses no word: the kept text plus the headlines hold every word of the paragraph', () => {
    const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('The', 'minister', 'Said', 'Iran', 'Begins', 'Building', 'Four', 'More', 'Plants', 'in', 'a', 'statement.', 'Report.', '"Yes,"', 'U.S.', '9:30', 'p.m.'), { maxLength: 30 }), (parts) => {
        const paragraph = parts.join(' ');
        const split = splitRelatedHeadlines(paragraph);
        return words(paragraph) === words([split.text, ...split.headlines].join(' '));
      }),
    );
  });
});

describe('isHeadline', () => {
  it('needs at least six words in Title Case', () => {
    expect(isHeadline('Three Cyclists Injured in Porto Alegre Bridge Blast.')).toBe(true);
    expect(isHeadline('Rio de Janeiro To Build New Harbour Bridge by 2030.')).toBe(true);
    expect(isHeadline('Markets Rally Again.')).toBe(false);
  });
});
