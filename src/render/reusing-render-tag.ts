/**
 * `{% render %}` that reuses a partial's output when the same tag renders it again with the very same
 * argument values: the site-wide masthead and footer (`{% render 'header', site: site %}`) are then
 * rendered once per batch of pages instead of once per page. A rendered partial sees nothing but its
 * arguments (LiquidJS gives it a fresh scope), and the render contexts are never changed after they
 * are made, so equal arguments mean equal output.
 */
import { Hash, RenderTag, TokenKind, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

/** The parts of LiquidJS's render tag this subclass reads (declared private in its typings). */
interface RenderTagParts {
  readonly file: unknown;
  readonly hash: Hash;
  readonly with?: unknown;
  readonly forBinding?: unknown;
}

/**
 * A partial's last output and the argument values it was rendered with, for one render tag (this
 * class's tags and the compiled form of them in compiled/templates.ts).
 */
export class LastRender {
  private last: { readonly values: readonly unknown[]; readonly html: string } | undefined;

  /** The last output when it was rendered with the very same argument values (===), else undefined. */
  reuse(values: readonly unknown[]): string | undefined {
    const last = this.last;
    return last && last.values.length === values.length && last.values.every((v, i) => v === values[i]) ? last.html : undefined;
  }

  /** Remembers an output and its argument values. */
  remember(values: readonly unknown[], html: string): void {
    this.last = { values, html };
  }
}

/** A partial's name when it is written out as a plain quoted string (no variables in it), else undefined. */
export function literalPartialName(file: unknown): string | undefined {
  if (typeof file === 'string') return file;
  if (!Array.isArray(file) || !(file as Template[]).every((t) => t.token.kind === TokenKind.HTML)) return undefined;
  return (file as (Template & { str?: string })[]).map((t) => t.str ?? '').join('');
}

/** The render tag, reusing the previous output for identical arguments (plain `render 'name', key: value`; `with` and `for` are never reused). */
export class ReusingRenderTag extends RenderTag {
  private readonly reusable: boolean;
  private readonly last = new LastRender();

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: ConstructorParameters<typeof RenderTag>[3]) {
    super(token, remainTokens, liquid, parser);
    const parts = this as unknown as RenderTagParts;
    this.reusable = parts.with === undefined && parts.forBinding === undefined && literalPartialName(parts.file) !== undefined;
  }

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    // A streamed render writes to a stream, not a buffer to keep: it always renders.
    if (!this.reusable || 'stream' in emitter) return yield* super.render(ctx, emitter);
    const values = Object.values((yield (this as unknown as RenderTagParts).hash.render(ctx)) as Record<string, unknown>);
    const reused = this.last.reuse(values);
    if (reused !== undefined) return emitter.write(reused);
    // An emitter of the caller's kind, so the partial's output is written exactly as it would be.
    const capture = new (emitter.constructor as new () => Emitter)();
    yield* super.render(ctx, capture);
    this.last.remember(values, capture.buffer);
    emitter.write(capture.buffer);
  }
}
