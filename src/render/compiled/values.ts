/**
 * Liquid values compiled to plain functions: the lookups, operators and filters LiquidJS evaluates,
 * in the same order and with the same results, minus the generator driver LiquidJS runs for every
 * token (about half of its render time).
 */
import { Drop, TokenKind, defaultOperators, filters as builtinFilters, isTruthy, toValue, toValueSync, type Context, type Filter, type Liquid, type Token, type Value } from 'liquidjs';

/** What a compiled template reads while it renders. */
export interface Frame {
  /** The LiquidJS context filters and operators are handed (its options and limits). */
  readonly ctx: Context;
  /** A rendered partial's arguments (looked up first), or undefined at the top level. */
  readonly scope: Record<string, unknown> | undefined;
  /** The render context: the page's view at the top level, an empty object in a partial (as LiquidJS spawns it). */
  readonly env: object;
  /** `for` loop variables, by the slot the compiler gave each loop. */
  readonly locals: unknown[];
}

/** A compiled expression: its value in a frame. */
export type Getter = (frame: Frame) => unknown;

/** Thrown while compiling: the template uses something only LiquidJS renders (it then renders it). */
export class Unsupported extends Error {}

/**
 * Thrown while rendering where only LiquidJS knows what happens next (an undefined variable it
 * reports in its own words, a method it would call): the caller renders the template with LiquidJS.
 */
const leaveToLiquidJS = new Error('rendered by LiquidJS instead');

/** The names a template position sees besides the render context: loop variables and names only LiquidJS binds. */
export interface Bindings {
  /** Loop variables in scope, innermost binding per name. */
  readonly locals: ReadonlyMap<string, number>;
  /** Names LiquidJS binds to objects this compiler does not model (`forloop`, `block`). */
  readonly hidden: ReadonlySet<string>;
  /** The next free local slot, shared by everything compiled into one frame. */
  readonly slots: { next: number };
}

/** The options of a template set that compiled code depends on. */
export interface ValueOptions {
  readonly liquid: Liquid;
  readonly strictVariables: boolean;
  readonly ownPropertyOnly: boolean;
  readonly globals: object;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** True for values LiquidJS's operators compare directly (no drops, arrays or `Comparable`s). */
function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function toLiquid(value: unknown): unknown {
  while (value && typeof (value as { toLiquid?: unknown }).toLiquid === 'function') value = (value as { toLiquid: () => unknown }).toLiquid();
  return value;
}

function readArrayElement(arr: unknown[], index: number, ownPropertyOnly: boolean): unknown {
  if (index < 0) index = arr.length + index;
  if (ownPropertyOnly && !hasOwn.call(arr, index)) return undefined;
  return arr[index];
}

function readJSProperty(obj: object, key: PropertyKey, ownPropertyOnly: boolean): unknown {
  if (ownPropertyOnly && !hasOwn.call(obj, key) && !(obj instanceof Drop)) return undefined;
  return (obj as Record<PropertyKey, unknown>)[key];
}

function readSize(obj: object): unknown {
  if (hasOwn.call(obj, 'size') || (obj as { size?: unknown }).size !== undefined) return (obj as { size?: unknown }).size;
  if (Array.isArray(obj) || typeof obj === 'string') return (obj as { length: number }).length;
  if (typeof obj === 'object') return Object.keys(obj).length;
  return undefined;
}

/** LiquidJS's `Context.readProperty`: own properties, drops, methods called, `size`/`first`/`last`. */
function readProperty(obj: unknown, key: unknown, ownPropertyOnly: boolean, ctx: Context): unknown {
  obj = toLiquid(obj);
  key = toValue(key);
  if (obj === null || obj === undefined) return obj;
  if (Array.isArray(obj) && typeof key === 'number') return readArrayElement(obj, key, ownPropertyOnly);
  const value = readJSProperty(obj as object, key as PropertyKey, ownPropertyOnly);
  if (value === undefined && obj instanceof Drop) return (obj as Drop & { liquidMethodMissing: (k: unknown, c: Context) => unknown }).liquidMethodMissing(key, ctx);
  if (typeof value === 'function') return (value as (this: unknown) => unknown).call(obj);
  if (key === 'size') return readSize(obj as object);
  if (key === 'first') return Array.isArray(obj) ? readArrayElement(obj, 0, ownPropertyOnly) : readJSProperty(obj as object, 'first', ownPropertyOnly);
  if (key === 'last') return Array.isArray(obj) ? readArrayElement(obj, -1, ownPropertyOnly) : readJSProperty(obj as object, 'last', ownPropertyOnly);
  return value;
}

/** LiquidJS's `stringify`: what an output writes for a value. */
export function stringify(value: unknown): string {
  value = toValue(value);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((x) => stringify(x)).join('');
  return String(value);
}

/** LiquidJS's `toEnumerable`: what a `for` loop iterates. */
export function toEnumerable(val: unknown): unknown[] {
  val = toValue(val);
  if (Array.isArray(val)) return val;
  if (typeof val === 'string' && val.length > 0) return [val];
  const isObject = val !== null && (typeof val === 'object' || typeof val === 'function');
  if (isObject && Symbol.iterator in (val as object)) return Array.from(val as Iterable<unknown>);
  if (isObject) return Object.keys(val as object).map((key) => [key, (val as Record<string, unknown>)[key]]);
  return [];
}

/** A name at the start of a variable: a loop variable, a partial's argument, the render context or the globals. */
function compileRoot(name: string, bindings: Bindings, o: ValueOptions): Getter {
  if (bindings.hidden.has(name)) throw new Unsupported(`the ${name} variable`);
  const slot = bindings.locals.get(name);
  if (slot !== undefined) {
    return (f) => {
      const v = f.locals[slot];
      // LiquidJS would call a function-valued loop item as a method of its scope: leave that to it.
      if (v === undefined || typeof v === 'function') throw leaveToLiquidJS;
      return v;
    };
  }
  const { ownPropertyOnly, strictVariables, globals } = o;
  return (f) => {
    const s = f.scope;
    const holder = s !== undefined && name in s ? s : name in f.env ? f.env : globals;
    const v = readProperty(holder, name, ownPropertyOnly, f.ctx);
    if (v === undefined && strictVariables) throw leaveToLiquidJS;
    return v;
  };
}

/** `a.b[c].d`: each step read as LiquidJS reads it, strict about undefined steps. */
function compilePropertyAccess(token: Token & { variable?: Token; props: Token[] }, bindings: Bindings, o: ValueOptions): Getter {
  const keys = token.props.map((p) => compileKey(p, bindings, o));
  let base: Getter;
  let start = 0;
  if (token.variable) base = compileToken(token.variable, bindings, o);
  else {
    const first = token.props[0] as Token & { content?: unknown };
    if (first?.kind !== TokenKind.Word || typeof first.content !== 'string') throw new Unsupported('a computed variable name');
    base = compileRoot(first.content, bindings, o);
    start = 1;
  }
  const { ownPropertyOnly, strictVariables } = o;
  if (start === keys.length) return base;
  const constant = keys.every((k) => k.constant);
  if (constant) {
    const names = keys.map((k) => k.value);
    return (f) => {
      let v = base(f);
      for (let i = start; i < names.length; i++) {
        v = readProperty(v, names[i], ownPropertyOnly, f.ctx);
        if (v === undefined && strictVariables) throw leaveToLiquidJS;
      }
      return v;
    };
  }
  return (f) => {
    // LiquidJS evaluates every key before it reads the first step.
    const names = keys.map((k) => (k.constant ? k.value : toValue(k.get(f))));
    let v = base(f);
    for (let i = start; i < names.length; i++) {
      v = readProperty(v, names[i], ownPropertyOnly, f.ctx);
      if (v === undefined && strictVariables) throw leaveToLiquidJS;
    }
    return v;
  };
}

/** A property key: a constant name, or an expression in brackets. */
function compileKey(token: Token, bindings: Bindings, o: ValueOptions): { constant: true; value: unknown } | { constant: false; get: Getter } {
  if ('content' in token) return { constant: true, value: toValue((token as { content: unknown }).content) };
  return { constant: false, get: compileToken(token, bindings, o) };
}

/** One operand: a literal, a variable or a range. */
export function compileToken(token: Token, bindings: Bindings, o: ValueOptions): Getter {
  if ('content' in token) {
    const content = (token as { content: unknown }).content;
    return () => content;
  }
  if (token.kind === TokenKind.PropertyAccess) return compilePropertyAccess(token as Token & { props: Token[] }, bindings, o);
  if (token.kind === TokenKind.Range) {
    const r = token as Token & { lhs: Token; rhs: Token };
    const low = compileToken(r.lhs, bindings, o);
    const high = compileToken(r.rhs, bindings, o);
    return (f) => {
      const l = toValue(low(f)) as number;
      const h = toValue(high(f)) as number;
      f.ctx.memoryLimit.use(h - l + 1);
      const out: number[] = [];
      for (let i = +l; i < +h + 1; i++) out.push(i);
      return out;
    };
  }
  throw new Unsupported(`a ${TokenKind[token.kind] ?? 'grouped'} expression`);
}

type Operator = (...args: unknown[]) => unknown;

/** A binary operator, with LiquidJS's own implementation for anything but two plain values. */
function binary(name: string, op: Operator, l: Getter, r: Getter): Getter {
  const slow: Getter = (f) => toValueSync(op(l(f), r(f), f.ctx));
  if (op !== (defaultOperators as Record<string, Operator>)[name]) return slow;
  const direct: Record<string, (a: never, b: never) => boolean> = {
    '==': (a, b) => a === b,
    '!=': (a, b) => a !== b,
    '>': (a, b) => a > b,
    '<': (a, b) => a < b,
    '>=': (a, b) => a >= b,
    '<=': (a, b) => a <= b,
  };
  const compare = direct[name];
  if (compare) {
    return (f) => {
      const a = l(f);
      const b = r(f);
      return isPrimitive(a) && isPrimitive(b) ? compare(a as never, b as never) : toValueSync(op(a, b, f.ctx));
    };
  }
  if (name === 'and') return (f) => { const a = l(f); const b = r(f); return isTruthy(a, f.ctx) && isTruthy(b, f.ctx); };
  if (name === 'or') return (f) => { const a = l(f); const b = r(f); return isTruthy(a, f.ctx) || isTruthy(b, f.ctx); };
  return slow;
}

/** An expression in postfix order (as LiquidJS parsed it), every operand evaluated left to right, no short circuit. */
function compileExpression(postfix: readonly Token[], bindings: Bindings, o: ValueOptions): Getter {
  const operators = o.liquid.options.operators as unknown as Record<string, Operator>;
  const stack: Getter[] = [];
  for (const token of postfix) {
    if (token.kind !== TokenKind.Operator) {
      stack.push(compileToken(token, bindings, o));
      continue;
    }
    const name = (token as Token & { operator: string }).operator;
    const op = operators[name];
    if (typeof op !== 'function') throw new Unsupported(`the ${name} operator`);
    const r = stack.pop();
    if (r === undefined) throw new Unsupported('an operator without operands');
    if (name === 'not') {
      stack.push((f) => toValueSync(op(r(f), f.ctx)));
      continue;
    }
    const l = stack.pop();
    if (l === undefined) throw new Unsupported('an operator without operands');
    stack.push(binary(name, op, l, r));
  }
  return stack[0] ?? (() => undefined);
}

/** The characters LiquidJS's `escape` filter replaces, and what with. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const ESCAPABLE = /[&<>"']/;

/** LiquidJS's `escape` filter (every output's last filter), without a regular-expression replace for text that needs none. */
function escapeFilter(value: unknown, f: Frame): string {
  const text = stringify(value);
  f.ctx.memoryLimit.use(text.length);
  return ESCAPABLE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text;
}

/** A filter applied to a value: arguments evaluated as LiquidJS evaluates them, then its handler. */
function compileFilter(filter: Filter, bindings: Bindings, o: ValueOptions): (value: unknown, f: Frame) => unknown {
  // The `*_exp` filters evaluate an expression against the render scopes, which compiled code does not keep.
  if (filter.name.endsWith('_exp')) throw new Unsupported(`the ${filter.name} filter`);
  const { handler, token } = filter as unknown as { handler: (...args: unknown[]) => unknown; token: Token };
  const liquid = o.liquid;
  if (handler === (builtinFilters as Record<string, unknown>)['escape'] && filter.args.length === 0) return escapeFilter;
  const args = (filter.args as unknown[]).map((arg) =>
    Array.isArray(arg) ? { key: arg[0] as string, get: compileToken(arg[1] as Token, bindings, o) } : { key: undefined, get: compileToken(arg as Token, bindings, o) },
  );
  if (args.length === 0) return (value, f) => toValueSync(handler.call({ context: f.ctx, token, liquid }, value));
  return (value, f) => {
    const argv = args.map((a) => (a.key === undefined ? a.get(f) : [a.key, a.get(f)]));
    return toValueSync(handler.apply({ context: f.ctx, token, liquid }, [value, ...argv]));
  };
}

/** A value with its filters (`a.b | f: x | g`), as an output or a condition evaluates it. */
export function compileValue(value: Value, bindings: Bindings, o: ValueOptions): Getter {
  const initial = compileExpression((value.initial as unknown as { postfix: Token[] }).postfix, bindings, o);
  const filters = value.filters.map((filter) => compileFilter(filter, bindings, o));
  if (filters.length === 0) return initial;
  if (filters.length === 1) {
    const only = filters[0]!;
    return (f) => only(initial(f), f);
  }
  return (f) => {
    let v = initial(f);
    for (const filter of filters) v = filter(v, f);
    return v;
  };
}
