/**
 * Templates compiled once into plain functions. LiquidJS still parses every template and owns every
 * filter and operator; this renders the parsed tags it knows (text, outputs, if/unless, for without
 * modifiers, layout/block, render, comment, raw) without LiquidJS's generator driver. A template using
 * anything else, or a render that fails, is rendered by LiquidJS itself: output and error messages are
 * LiquidJS's by construction, and tests compare the two on every shipped template.
 */
import {
  BlockTag,
  CommentTag,
  Context,
  ForTag,
  IfTag,
  InlineCommentTag,
  LayoutTag,
  Output,
  RawTag,
  RenderTag,
  TokenKind,
  UnlessTag,
  isTruthy,
  toValue,
  toValueSync,
  type Liquid,
  type Template,
  type Token,
  type Value,
} from 'liquidjs';
import { LastRender, literalPartialName, ReusingRenderTag } from '../reusing-render-tag.js';
import { compileToken, compileValue, stringify, toEnumerable, Unsupported, type Bindings, type Frame, type Getter, type ValueOptions } from './values.js';

/** A compiled template: its output in a frame. */
type Render = (frame: Frame) => string;

/** What compiling one template position knows about the templates around it. */
interface Position {
  readonly bindings: Bindings;
  /** The child's blocks while compiling its layout; undefined elsewhere. */
  readonly blocks: ReadonlyMap<string, Render> | undefined;
  /** True inside a layout or a block: no further layout or nested block is compiled. */
  readonly nested: boolean;
}

/** The LiquidJS fields of the tags compiled here (declared private in its typings). */
interface Branch {
  readonly value: Value;
  readonly test?: (value: unknown, ctx: Context) => boolean;
  readonly templates: Template[];
}
interface PartialTag {
  readonly file: unknown;
  readonly currentFile?: string;
  readonly hash: { readonly hash: Record<string, Token | undefined> };
  readonly with?: unknown;
  readonly forBinding?: unknown;
}

/** Concatenates the outputs of a template list. */
function sequence(parts: Render[]): Render {
  if (parts.length === 0) return () => '';
  if (parts.length === 1) return parts[0]!;
  return (f) => {
    let s = '';
    for (let i = 0; i < parts.length; i++) s += parts[i]!(f);
    return s;
  };
}

/** Compiles the templates of one template set, caching compiled partials by their parsed templates. */
export class TemplateCompiler {
  private readonly options: ValueOptions;
  private readonly partials = new Map<Template[], Render | 'compiling'>();

  constructor(private readonly liquid: Liquid) {
    const o = liquid.options;
    // Options that change evaluation in ways this compiler does not follow: LiquidJS renders everything.
    if (o.lenientIf || o.keepOutputType || o.catchAllErrors || o.jsTruthy) throw new Unsupported('the template options');
    this.options = { liquid, strictVariables: !!o.strictVariables, ownPropertyOnly: !!o.ownPropertyOnly, globals: o.globals ?? {} };
  }

  /** The compiled form of a top-level template (as `renderFileSync` finds it), or undefined when LiquidJS must render it. */
  compileFile(name: string): Render | undefined {
    try {
      const templates = this.liquid.parseFileSync(name);
      return this.list(templates, { bindings: { locals: new Map(), hidden: new Set(), slots: { next: 0 } }, blocks: undefined, nested: false });
    } catch {
      // Unsupported, or a template LiquidJS cannot parse: its own render reports that.
      return undefined;
    }
  }

  private list(templates: readonly Template[], at: Position): Render {
    return sequence(templates.map((t) => this.one(t, at)));
  }

  private one(t: Template, at: Position): Render {
    if (t.token.kind === TokenKind.HTML && 'str' in t) {
      const str = (t as { str: string }).str;
      return () => str;
    }
    if (t instanceof Output) {
      const get = compileValue(t.value, at.bindings, this.options);
      return (f) => stringify(toValue(get(f)));
    }
    const kind = t.constructor;
    if (kind === IfTag || kind === UnlessTag) return this.conditional(t as unknown as { branches: Branch[]; elseTemplates?: Template[] }, at);
    if (kind === ForTag) return this.loop(t as ForTag, at);
    if (kind === LayoutTag) return this.layout(t as LayoutTag, at);
    if (kind === BlockTag) return this.block(t as BlockTag, at);
    if (kind === RenderTag || kind === ReusingRenderTag) return this.render(t as unknown as PartialTag, kind === ReusingRenderTag, at);
    if (kind === CommentTag || kind === InlineCommentTag) return () => '';
    if (kind === RawTag) {
      const text = (t as unknown as { tokens: Token[] }).tokens.map((token) => token.getText()).join('');
      return () => text;
    }
    throw new Unsupported(`the ${(t as { name?: string }).name ?? 'unknown'} tag`);
  }

  /** `if`/`elsif`/`else` and `unless`: the first branch whose test passes. */
  private conditional(t: { branches: Branch[]; elseTemplates?: Template[] }, at: Position): Render {
    const branches = t.branches.map((b) => ({ get: compileValue(b.value, at.bindings, this.options), test: b.test ?? isTruthy, body: this.list(b.templates, at) }));
    const otherwise = this.list(t.elseTemplates ?? [], at);
    return (f) => {
      for (const b of branches) if (b.test(toValue(b.get(f)), f.ctx)) return b.body(f);
      return otherwise(f);
    };
  }

  /** `for item in list` (no limit, offset, reversed, `forloop`, break or continue). */
  private loop(t: ForTag, at: Position): Render {
    const parts = t as unknown as { variable: string; collection: Token; hash: { hash: object }; templates: Template[]; elseTemplates: Template[] };
    if (Object.keys(parts.hash.hash).length > 0) throw new Unsupported('for-loop modifiers');
    const collection: Getter = compileToken(parts.collection, at.bindings, this.options);
    const slot = at.bindings.slots.next++;
    const locals = new Map(at.bindings.locals).set(parts.variable, slot);
    const hidden = new Set(at.bindings.hidden).add('forloop');
    hidden.delete(parts.variable);
    if (parts.variable === 'forloop') throw new Unsupported('a loop variable named forloop');
    const body = this.list(parts.templates, { ...at, bindings: { locals, hidden, slots: at.bindings.slots } });
    const otherwise = this.list(parts.elseTemplates, at);
    return (f) => {
      const items = toEnumerable(collection(f));
      if (items.length === 0) return otherwise(f);
      let s = '';
      for (const item of items) {
        f.locals[slot] = item;
        s += body(f);
      }
      return s;
    };
  }

  /** `{% layout 'name' %}` (no arguments, one level): the layout compiled with this template's blocks. */
  private layout(t: LayoutTag, at: Position): Render {
    const parts = t as unknown as { file: unknown; currentFile?: string; args: { hash: object }; templates: Template[] };
    const name = literalPartialName(parts.file);
    if (name === undefined || Object.keys(parts.args.hash).length > 0 || at.nested) throw new Unsupported('this layout');
    const blocks = new Map<string, Render>();
    let anonymous = '';
    for (const child of parts.templates) {
      if (child.constructor === BlockTag) {
        const block = child as BlockTag & { block: string; templates: Template[] };
        if (blocks.has(block.block)) throw new Unsupported('a block defined twice');
        blocks.set(block.block, this.blockBody(block.templates, at));
      } else if (child.token.kind === TokenKind.HTML && 'str' in child) anonymous += (child as { str: string }).str;
      else if (child.constructor !== CommentTag && child.constructor !== InlineCommentTag) throw new Unsupported('content outside blocks');
    }
    if (!blocks.has('')) blocks.set('', () => anonymous);
    const layout = toValueSync(this.liquid._parseLayoutFile(name, true, parts.currentFile)) as Template[];
    return this.list(layout, { bindings: at.bindings, blocks, nested: true });
  }

  /** `{% block name %}`: the child's content for it while compiling a layout, else its own. */
  private block(t: BlockTag, at: Position): Render {
    const block = t as BlockTag & { block: string; templates: Template[] };
    if (at.blocks === undefined && at.nested) throw new Unsupported('a nested block');
    return at.blocks?.get(block.block) ?? this.blockBody(block.templates, at);
  }

  private blockBody(templates: Template[], at: Position): Render {
    const hidden = new Set(at.bindings.hidden).add('block');
    return this.list(templates, { bindings: { ...at.bindings, hidden }, blocks: undefined, nested: true });
  }

  /** `{% render 'name', key: value %}`: the partial in a fresh scope of its arguments, reused for identical ones as `ReusingRenderTag` does. */
  private render(t: PartialTag, reusing: boolean, at: Position): Render {
    const name = literalPartialName(t.file);
    if (name === undefined || t.with !== undefined || t.forBinding !== undefined) throw new Unsupported('this render tag');
    const keys = Object.keys(t.hash.hash);
    const values = keys.map((k) => {
      const token = t.hash.hash[k];
      return token === undefined ? () => true : compileToken(token, at.bindings, this.options);
    });
    const partial = this.partial(toValueSync(this.liquid._parsePartialFile(name, true, t.currentFile)) as Template[]);
    const last = reusing ? new LastRender() : undefined;
    return (f) => {
      const args = values.map((get) => get(f));
      const reused = last?.reuse(args);
      if (reused !== undefined) return reused;
      const scope: Record<string, unknown> = Object.create(null);
      keys.forEach((k, i) => (scope[k] = args[i]));
      const html = partial({ ctx: f.ctx, scope, env: {}, locals: [] });
      last?.remember(args, html);
      return html;
    };
  }

  private partial(templates: Template[]): Render {
    const known = this.partials.get(templates);
    if (known === 'compiling') throw new Unsupported('a partial that renders itself');
    if (known) return known;
    this.partials.set(templates, 'compiling');
    try {
      const render = this.list(templates, { bindings: { locals: new Map(), hidden: new Set(), slots: { next: 0 } }, blocks: undefined, nested: false });
      this.partials.set(templates, render);
      return render;
    } catch (error) {
      this.partials.delete(templates);
      throw error;
    }
  }
}

/** Renders templates by name with their compiled functions, and with LiquidJS where there is none or a render fails. */
export class CompiledTemplates {
  private readonly compiler: TemplateCompiler | undefined;
  private readonly renders = new Map<string, Render | null>();

  constructor(private readonly liquid: Liquid) {
    try {
      this.compiler = new TemplateCompiler(liquid);
    } catch {
      this.compiler = undefined;
    }
  }

  /** `liquid.renderFileSync(name, context)`, the same string or the same error. */
  renderFileSync(name: string, context: object): string {
    let render = this.renders.get(name);
    if (render === undefined) this.renders.set(name, (render = this.compiler?.compileFile(name) ?? null));
    if (render !== null) {
      const ctx = new Context(context, this.liquid.options, { sync: true }, { liquid: this.liquid });
      try {
        return render({ ctx, scope: undefined, env: context, locals: [] });
      } catch {
        // An undefined variable, a filter's error, a method to call: LiquidJS renders it and says what is wrong.
      }
    }
    return this.liquid.renderFileSync(name, context);
  }
}
