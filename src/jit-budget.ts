/**
 * How much V8's optimising compiler (TurboFan) does, set for the whole process before the worker
 * threads start. A build runs the same code in up to five isolates (the main thread, two parse and two
 * render workers), and each compiles its own optimised copies on background threads: ≈ 1.4 of a 10k
 * Markdown build's ≈ 6.5 CPU-s on two cores went to V8's helper threads, mostly to TurboFan.
 * - The interrupt budget: how much bytecode a function runs before it is optimised. At three times
 *   V8's default (132 KiB) only the code that stays hot is optimised: 10k Markdown cold builds 5–6%
 *   less wall and user time (session 23); 1M was no better than 400k.
 * - The inlining budget: how much bytecode TurboFan inlines into one optimised function (V8's default
 *   920 bytes). At 200 the largest compilations (the parser's and the page contexts' entry points,
 *   2–3 MB graphs each) shrink: 10k Markdown cold builds 1–2% less wall time, raw text 2–3%, 1k
 *   unchanged (alternating rounds, session 24); turning inlining off was slower.
 */
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget in bytes of bytecode run (V8's default is 132 KiB). */
const INTERRUPT_BUDGET = 400_000;

/** The most bytecode, in bytes, TurboFan inlines into one function (V8's default is 920). */
const INLINING_BUDGET = 200;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
