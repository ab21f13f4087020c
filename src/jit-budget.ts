/**
 * How long V8 runs a function before handing it to its optimising compiler (TurboFan), raised for the
 * whole process before the worker threads start. A build runs the same code in up to five isolates
 * (the main thread, two parse and two render workers), and each compiles its own optimised copies on
 * background threads: ≈ 1.4 of a 10k Markdown build's ≈ 6.5 CPU-s on two cores went to V8's helper
 * threads, mostly to TurboFan. With three times V8's default budget (132 KiB of bytecode run) only the
 * code that stays hot is optimised: 10k Markdown cold builds 5–6% less wall and user time (medians of
 * 6–8 alternating rounds, docs/performance.md, session 23); 1M was no better than 400k.
 */
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget in bytes of bytecode run (V8's default is 132 KiB). */
const INTERRUPT_BUDGET = 400_000;

setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
