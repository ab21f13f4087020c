/** A command to run for the benchmark, and how it is shown in reports. */

/** One process to start: program, arguments, working folder, extra environment. */
export interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** A shell-style one-liner for reports and docs: `(cd DIR && cmd arg …)`, quoting only what needs it. */
export function describeInvocation(inv: Invocation): string {
  const quote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const env = Object.entries(inv.env ?? {}).map(([k, v]) => `${k}=${quote(v)} `);
  return `(cd ${quote(inv.cwd)} && ${env.join('')}${[inv.command, ...inv.args].map(quote).join(' ')})`;
}
