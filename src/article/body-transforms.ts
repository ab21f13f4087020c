/** mdast transforms shared by both seed formats: dateline, embedded social posts, glued related headlines. */
import type { BlockContent, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { SocialPost } from './article.js';
import { formatLongDate } from './date.js';
import { isBeforeStory } from './byline.js';
import { splitDateline } from './dateline.js';
import { splitRelatedHeadlines } from './related-headlines.js';
import { parseSocialPost } from './social-post.js';
import { isHeadlineLine } from './title.js';

/** What the transforms found, left on `file.data.body` for the enrich stage. */
export interface BodyFindings {
  dateline?: string;
  socialPosts: SocialPost[];
  relatedHeadlines: string[];
}

/** The profile URL of a handle on the network the `pic.twitter.com` links belong to. */
export function handleUrl(handle: string): string {
  return `https://twitter.com/${handle}`;
}

/** The mdast of an embedded post: a `figure.social-post` with the quote and an attributed caption. */
function socialPostNode(post: SocialPost): BlockContent {
  const quote: PhrasingContent[] = [{ type: 'text', value: post.text }];
  if (post.picUrl) quote.push({ type: 'text', value: ' ' }, { type: 'link', url: post.picUrl, children: [{ type: 'text', value: post.picUrl.replace(/^https:\/\//, '') }] });
  const caption: PhrasingContent[] = [
    { type: 'text', value: `— ${post.authorName} (` },
    { type: 'link', url: handleUrl(post.handle), children: [{ type: 'text', value: `@${post.handle}` }] },
    { type: 'text', value: ') ' },
    { type: 'text', value: formatLongDate(post.date), data: { hName: 'time', hProperties: { dateTime: post.date } } },
  ];
  return {
    type: 'blockquote',
    data: { hName: 'figure', hProperties: { className: ['social-post'] } },
    children: [
      { type: 'blockquote', children: [{ type: 'paragraph', children: quote }] },
      { type: 'paragraph', data: { hName: 'figcaption' }, children: caption },
    ],
  };
}

/** True when a paragraph is plain text only (what raw text always gives). */
function isPlainParagraph(node: RootContent): node is Paragraph {
  return node.type === 'paragraph' && node.children.every((c) => c.type === 'text');
}

/**
 * Finds the dateline at the start of the first paragraph after any byline ("By Jane Doe") or wordless
 * one ("* * *"), see byline.ts; or of the paragraph after it, when that first one is a headline line a
 * scraper kept above the story ("Tesla shareholders approve pay deal", then "AUSTIN, Texas (Reuters) - …").
 */
function takeDateline(tree: Root, found: BodyFindings): void {
  for (let index = 0; index < tree.children.length; index++) {
    const node = tree.children[index]!;
    if (node.type !== 'paragraph') continue;
    const text = toString(node);
    if (isBeforeStory(text)) continue;
    if (!takeDatelineAt(tree, index, found) && tree.children[index + 1]?.type === 'paragraph' && isHeadlineLine(text)) takeDatelineAt(tree, index + 1, found);
    return;
  }
}

/** A speaker's label opening a transcript's paragraph: a name in capitals and a colon ("SMITH:", "ANDERSON COOPER:"). */
const SPEAKER = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{0,40}:\s/u;

/** True when `node` is a paragraph that opens with a speaker's label. */
function opensWithSpeaker(node: RootContent | undefined): boolean {
  const first = node?.type === 'paragraph' ? node.children[0] : undefined;
  return first?.type === 'text' && SPEAKER.test(first.value);
}

/** The mdast data that makes a text node the `<span class="dateline">` holding a dateline as written. */
const DATELINE_DATA = { hName: 'span', hProperties: { className: ['dateline'] } };

/** True when `node` is the span holding a dateline (see DATELINE_DATA): the text around it is the story's. */
export function isDatelineNode(node: Nodes): boolean {
  return node.type === 'text' && (node.data as { hName?: string } | undefined)?.hName === 'span' && (node.data as typeof DATELINE_DATA).hProperties?.className?.[0] === 'dateline';
}

/**
 * Marks the dateline opening the paragraph at `index`: its words and separator, as written
 * ("Washington, February 8:", "WASHINGTON (AP) —"), become a span in place, so the page shows them
 * where they stood; the plain text (plain-text.ts) leaves the span out, so the headline, summary and
 * tags read the story alone. False when the paragraph does not open with a dateline.
 */
function takeDatelineAt(tree: Root, index: number, found: BodyFindings): boolean {
  const paragraph = tree.children[index] as Paragraph;
  const lead = paragraph.children[0];
  if (lead?.type !== 'text') return false;
  const split = splitDateline(lead.value);
  // "COOPER: Good evening." then "SMITH: Thank you.": speakers of a transcript, not a dateline; nor is
  // "TRUMP: I will win", a headline line above the story (short, no full stop, a paragraph after it).
  const next = tree.children[index + 1];
  if (!split || (split.labelOnly && (opensWithSpeaker(next) || (next?.type === 'paragraph' && isHeadlineLine(lead.value))))) return false;
  found.dateline = split.dateline;
  // The rest is the text's end without its closing white space; the head before it is the dateline, its separator and the space after them.
  const value = lead.value;
  const restStart = value.trimEnd().length - split.rest.length;
  const head = value.slice(0, restStart);
  const written = head.trim();
  const before = head.slice(0, head.length - head.trimStart().length);
  const after = head.slice(head.trimEnd().length) + value.slice(restStart);
  const nodes: PhrasingContent[] = [{ type: 'text', value: written, data: { ...DATELINE_DATA, hProperties: { className: ['dateline'] } } }];
  if (before !== '') nodes.unshift({ type: 'text', value: before });
  if (after !== '') nodes.push({ type: 'text', value: after });
  paragraph.children.splice(0, 1, ...nodes);
  return true;
}

/** The unified plugin: runs the three body transforms and records what they found. */
export function bodyTransforms() {
  return (tree: Root, file: VFile): void => {
    const found: BodyFindings = { socialPosts: [], relatedHeadlines: [] };
    takeDateline(tree, found);
    const children: RootContent[] = [];
    for (const node of tree.children) {
      if (!isPlainParagraph(node)) {
        children.push(node);
        continue;
      }
      // A dateline opening a post's paragraph is not the post's words: it stays a paragraph of its own before the post.
      const dateline = isDatelineNode(node.children[0]!) ? node.children[0]! : undefined;
      const post = parseSocialPost(dateline ? node.children.slice(1).map((child) => (child as Text).value).join('').trim() : toString(node));
      if (post) {
        found.socialPosts.push(post);
        if (dateline) children.push({ type: 'paragraph', children: [dateline] });
        children.push(socialPostNode(post));
        continue;
      }
      const last = node.children[node.children.length - 1];
      if (last?.type === 'text' && last !== dateline) {
        const split = splitRelatedHeadlines(last.value);
        if (split.headlines.length > 0) {
          last.value = split.text;
          found.relatedHeadlines.push(...split.headlines);
        }
      }
      children.push(node);
    }
    tree.children = children;
    (file.data as { body?: BodyFindings }).body = found;
  };
}
